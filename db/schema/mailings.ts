import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import type { MailingFilter } from '../../shared/mailing-schema.ts';
import { accounts } from './accounts.ts';
import { congresses } from './congresses.ts';

/**
 * A message organisers wrote to a filtered set of delegates: its texts per language and the filter as sent. Each
 * recipient's copy is an outbox row pointing here, which gives the mailing's progress and per-recipient status.
 */
export const mailings = sqliteTable(
  'mailings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    congressId: integer('congress_id').notNull().references(() => congresses.id),
    subject: text('subject', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    body: text('body', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    filter: text('filter', { mode: 'json' }).$type<MailingFilter>().notNull(),
    recipients: integer('recipients').notNull(),
    createdBy: integer('created_by').notNull().references(() => accounts.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('mailings_congress').on(t.congressId, t.id)],
);
