import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { accounts } from './accounts.ts';
import { congresses } from './congresses.ts';

/**
 * A key for an organiser's scripts and spreadsheets: valid for one congress only, read-only or full, until revoked.
 * The token is `cat_<id>.<secret>`; only the secret's hash is kept.
 */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    congressId: integer('congress_id').notNull().references(() => congresses.id),
    /** What the key is for, as its maker named it ("registration export to the CRM"). */
    name: text('name').notNull(),
    readOnly: integer('read_only', { mode: 'boolean' }).notNull(),
    tokenHash: text('token_hash').notNull(),
    createdBy: integer('created_by').notNull().references(() => accounts.id),
    createdAt: text('created_at').notNull(),
    revokedAt: text('revoked_at'),
  },
  (t) => [index('api_tokens_congress').on(t.congressId)],
);
