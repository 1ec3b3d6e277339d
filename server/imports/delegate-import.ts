import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { delegateCategories, delegates } from '../../db/schema/index.ts';
import { placeHoldingStatuses } from '../../shared/delegate-status.ts';
import { isUiLanguage, uiLanguages, type UiLanguage } from '../../shared/languages.ts';
import { RegistrationBody } from '../../shared/registration-schema.ts';
import { hashToken, newSecret } from '../auth/tokens.ts';
import { nowIso, type Transaction } from '../database/transaction.ts';
import { prepareDelegateInsert, type NewDelegate } from '../registration/registration-store.ts';
import { compileWithAllErrors } from '../http/validation.ts';
import { isOneLine } from '../http/reference-checks.ts';
import { translatorFor } from '../i18n/translator.ts';
import { comparable } from './cell-values.ts';
import { ImportRow, KeysInFile, type ImportDefinition } from './import-row.ts';
import { categoryLabel } from '../../shared/category-label.ts';

const checkRegistration = compileWithAllErrors(RegistrationBody);
const optionalTexts = ['latinName', 'organisation', 'jobTitle', 'phone', 'dietary', 'accessibility'] as const;

/** The category a cell names: its code, or its name in any interface language. */
function categoryFinder(tx: Transaction, congressId: number) {
  const rows = tx.select().from(delegateCategories).where(eq(delegateCategories.congressId, congressId)).all();
  const byName = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    byName.set(comparable(row.code), row);
    for (const language of uiLanguages) byName.set(comparable(categoryLabel(row, translatorFor(language), language)), row);
  }
  return (cell: string) => byName.get(comparable(cell));
}

/** Messages go in the language the row names, else the first interface language the delegate speaks, else English. */
function messageLanguage(row: ImportRow, spoken: string[]): UiLanguage {
  const named = row.text('language').toLowerCase();
  if (named) {
    if (isUiLanguage(named)) return named;
    row.refuse('language', 'notUiLanguage', { languages: uiLanguages.join(', ') });
  }
  return spoken.find(isUiLanguage) ?? 'en';
}

/**
 * Delegates keyed by email. New ones are confirmed (the organiser's list is the approval) while their category
 * has places; a re-import updates the columns the file has and keeps each delegate's status and personal link.
 */
export const delegateImport: ImportDefinition = {
  columns: [
    { key: 'email', required: true, example: 'anna.devries@example.nl' },
    { key: 'givenName', required: true, example: 'Anna' },
    { key: 'familyName', required: true, example: 'de Vries' },
    { key: 'latinName', example: 'Anna DE VRIES' },
    { key: 'country', required: true, example: 'NL' },
    { key: 'category', required: true, example: 'sme' },
    { key: 'languages', required: true, example: 'nl, en' },
    { key: 'organisation', example: 'Brainport Development' },
    { key: 'jobTitle', example: 'Cluster manager' },
    { key: 'phone', example: '+31 40 123 4567' },
    { key: 'dietary', example: '' },
    { key: 'accessibility', example: '' },
    { key: 'language', example: 'en' },
  ],
  start(tx, congressId) {
    const findCategory = categoryFinder(tx, congressId);
    const held = new Map(
      tx
        .select({ categoryId: delegates.categoryId, held: count() })
        .from(delegates)
        .where(and(eq(delegates.congressId, congressId), inArray(delegates.status, [...placeHoldingStatuses])))
        .groupBy(delegates.categoryId)
        .all()
        .map((row) => [row.categoryId, row.held]),
    );
    const stored = new Map(
      tx
        .select({ id: delegates.id, emailKey: delegates.emailKey, categoryId: delegates.categoryId, status: delegates.status })
        .from(delegates)
        .where(eq(delegates.congressId, congressId))
        .all()
        .map((row) => [row.emailKey, row]),
    );
    const emails = new KeysInFile('email');
    // Thousands of rows: each statement is built once and run with each row's values.
    const insertDelegate = prepareDelegateInsert(tx);
    const updates = new Map<string, { run: (values: Record<string, unknown>) => unknown }>();
    const updateStatement = (columns: string[]) => {
      const key = columns.join(',');
      let statement = updates.get(key);
      if (!statement) {
        const set = Object.fromEntries(columns.map((column) => [column, sql.placeholder(column)]));
        statement = tx.update(delegates).set(set).where(eq(delegates.id, sql.placeholder('id'))).prepare();
        updates.set(key, statement);
      }
      return statement;
    };

    return {
      importRow(row) {
        const email = row.required('email');
        emails.claim(row, email.toLowerCase());
        const languages = row.languages('languages');
        const country = row.country('country');
        const categoryCell = row.required('category');
        const category = categoryCell ? findCategory(categoryCell) : undefined;
        if (categoryCell && !category) row.refuse('category', 'unknownCategory');
        const fields: Pick<NewDelegate, 'email' | 'givenName' | 'familyName' | 'country' | 'languages'> & Partial<Pick<NewDelegate, (typeof optionalTexts)[number]>> = {
          email,
          givenName: row.text('givenName'),
          familyName: row.text('familyName'),
          country,
          languages,
        };
        for (const key of optionalTexts) if (row.has(key)) fields[key] = row.optional(key);
        row.validate(checkRegistration, { ...fields, category: category?.code ?? categoryCell });
        for (const key of ['givenName', 'familyName', 'latinName', 'organisation', 'jobTitle'] as const) {
          const value = fields[key];
          if (typeof value === 'string' && !isOneLine(value)) row.refuse(key, 'oneLine');
        }
        const uiLanguage = messageLanguage(row, languages);

        const existing = stored.get(email.toLowerCase());
        const holdsPlace = existing ? placeHoldingStatuses.includes(existing.status) : true;
        const movesIn = category && holdsPlace && existing?.categoryId !== category.id;
        if (movesIn && category.capacity !== null && (held.get(category.id) ?? 0) >= category.capacity) {
          row.refuse('category', 'categoryFull', { capacity: category.capacity });
        }
        row.finish();

        const at = nowIso();
        if (movesIn) {
          held.set(category!.id, (held.get(category!.id) ?? 0) + 1);
          if (existing) held.set(existing.categoryId, (held.get(existing.categoryId) ?? 1) - 1);
        }
        if (existing) {
          const changes = { ...fields, emailKey: email.toLowerCase(), categoryId: category!.id, ...(row.has('language') ? { uiLanguage } : {}), updatedAt: at };
          updateStatement(Object.keys(changes)).run({ ...changes, id: existing.id });
          existing.categoryId = category!.id;
          return 'updated';
        }
        const { id } = insertDelegate.get({
          latinName: null,
          organisation: null,
          jobTitle: null,
          phone: null,
          dietary: null,
          accessibility: null,
          ...fields,
          congressId,
          emailKey: email.toLowerCase(),
          categoryId: category!.id,
          status: 'confirmed',
          uiLanguage,
          tokenHash: hashToken(newSecret()),
          createdAt: at,
          updatedAt: at,
          // Imported by an organiser, not registered by anyone from an address.
          registeredFrom: null,
        } satisfies NewDelegate)!;
        stored.set(email.toLowerCase(), { id, emailKey: email.toLowerCase(), categoryId: category!.id, status: 'confirmed' });
        return 'created';
      },
    };
  },
};
