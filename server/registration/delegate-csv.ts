import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import { countryName } from '../../shared/countries.ts';
import { languageNames, type UiLanguage } from '../../shared/languages.ts';
import { translatorFor } from '../i18n/translator.ts';
import type { DelegateListItem } from '../../shared/delegate-directory-schema.ts';

/** A cell a spreadsheet would run as a formula (OWASP "CSV injection") is prefixed with an apostrophe. */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * An instant as a spreadsheet reads a date and time (`2015-11-03 07:12:05`), on the edition's clock; the column's
 * heading names the zone.
 */
export function eventClockCell(iso: string | null, timeZone: string): string {
  return iso === null ? '' : DateTime.fromISO(iso).setZone(timeZone).toFormat('yyyy-MM-dd HH:mm:ss');
}

/** A column heading that holds times: its label and the zone its times are on. */
export const timeHeading = (label: string, timeZone: string) => `${label} (${timeZone})`;

const columns = ['id', 'givenName', 'familyName', 'latinName', 'email', 'country', 'countryName', 'category', 'organisation', 'jobTitle', 'languages', 'phone', 'dietary', 'accessibility', 'status', 'createdAt'] as const;

/** The delegate list as CSV for Excel: UTF-8 with a byte-order mark so Hangul and other scripts open correctly. */
export function delegatesCsv(rows: DelegateListItem[], language: UiLanguage, categoryLabel: (code: string) => string, timeZone: string): string {
  const t = translatorFor(language);
  const header = columns.map((column) => (column === 'createdAt' ? timeHeading(t(`fields:${column}`), timeZone) : t(`fields:${column}`)));
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
      languages: languageNames(row.languages, language),
      phone: row.phone ?? '',
      dietary: row.dietary ?? '',
      accessibility: row.accessibility ?? '',
      status: t(`fields:statuses.${row.status}`),
      createdAt: eventClockCell(row.createdAt, timeZone),
    };
    return columns.map((column) => neutraliseCell(cells[column]));
  });
  return stringify([header, ...body], { bom: true, record_delimiter: 'windows' });
}
