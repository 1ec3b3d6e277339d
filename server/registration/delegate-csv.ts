import { stringify } from 'csv-stringify/sync';
import { countryName } from '../../shared/countries.ts';
import type { UiLanguage } from '../../shared/languages.ts';
import { translatorFor } from '../i18n/translator.ts';
import type { DelegateListItem } from '../../shared/delegate-directory-schema.ts';

/** A cell a spreadsheet would run as a formula (OWASP "CSV injection") is prefixed with an apostrophe. */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const columns = ['id', 'givenName', 'familyName', 'latinName', 'email', 'country', 'countryName', 'category', 'organisation', 'jobTitle', 'languages', 'phone', 'dietary', 'accessibility', 'status', 'createdAt'] as const;

/** The delegate list as CSV for Excel: UTF-8 with a byte-order mark so Hangul and other scripts open correctly. */
export function delegatesCsv(rows: DelegateListItem[], language: UiLanguage, categoryLabel: (code: string) => string): string {
  const t = translatorFor(language);
  const header = columns.map((column) => t(`fields:${column}`));
  const body = rows.map((row) => {
    const cells: Record<(typeof columns)[number], string> = {
      id: String(row.id),
      givenName: row.givenName,
      familyName: row.familyName,
      latinName: row.latinName ?? '',
      email: row.email,
      country: row.country,
      countryName: countryName(row.country, language),
      category: categoryLabel(row.category),
      organisation: row.organisation ?? '',
      jobTitle: row.jobTitle ?? '',
      languages: row.languages.join(' '),
      phone: row.phone ?? '',
      dietary: row.dietary ?? '',
      accessibility: row.accessibility ?? '',
      status: t(`fields:statuses.${row.status}`),
      createdAt: row.createdAt,
    };
    return columns.map((column) => neutraliseCell(cells[column]));
  });
  return stringify([header, ...body], { bom: true, record_delimiter: 'windows' });
}
