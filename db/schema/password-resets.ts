import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { accounts } from './accounts.ts';

/**
 * A one-time link to choose a new password, `…/organiser/reset#token=pwr_<id>.<secret>`, mailed to the account's
 * address; only the secret's hash is kept. It lapses after an hour, once used, or when a newer one is asked for.
 */
export const passwordResets = sqliteTable(
  'password_resets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id').notNull().references(() => accounts.id),
    tokenHash: text('token_hash').notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
    usedAt: text('used_at'),
  },
  (t) => [index('password_resets_account').on(t.accountId, t.createdAt)],
);
