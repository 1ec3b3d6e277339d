import { sqliteTable, text, integer, unique, index } from 'drizzle-orm/sqlite-core';
import { congresses } from './congresses.ts';
import { delegateCategories } from './delegate-categories.ts';
import { delegateStatuses } from '../../shared/delegate-status.ts';


export const delegates = sqliteTable(
  'delegates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    congressId: integer('congress_id').notNull().references(() => congresses.id),
    categoryId: integer('category_id').notNull().references(() => delegateCategories.id),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    /** The name in Latin letters as the delegate wants it printed beside their own script (badges, lists). */
    latinName: text('latin_name'),
    email: text('email').notNull(),
    /** Lower-cased email: one registration per address and congress. */
    emailKey: text('email_key').notNull(),
    country: text('country').notNull(),
    organisation: text('organisation'),
    jobTitle: text('job_title'),
    languages: text('languages', { mode: 'json' }).$type<string[]>().notNull(),
    phone: text('phone'),
    dietary: text('dietary'),
    accessibility: text('accessibility'),
    status: text('status', { enum: delegateStatuses }).notNull(),
    /** Language the delegate registered in; messages to them use it. */
    uiLanguage: text('ui_language').notNull(),
    /**
     * SHA-256 of the secret half of the personal token `dlg_<id>.<secret>`; the token itself is never stored.
     * The id half finds the row by primary key, so no index on random hashes slows every registration down.
     */
    tokenHash: text('token_hash').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** When the delegate's personal data was erased (by them, or when the edition's retention ended); the row stays for counts. */
    erasedAt: text('erased_at'),
    /** The client address a public registration came from, to find a burst of them; none for imports. Erased with the person. */
    registeredFrom: text('registered_from'),
  },
  (t) => [
    unique().on(t.congressId, t.emailKey),
    index('delegates_category_status').on(t.categoryId, t.status, t.id),
    index('delegates_registered_from').on(t.congressId, t.registeredFrom, t.createdAt),
  ],
);
