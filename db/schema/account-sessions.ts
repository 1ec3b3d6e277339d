import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';
import { accounts } from './accounts.ts';

export const accountSessions = sqliteTable('account_sessions', {
  /** SHA-256 of the bearer token handed out at login. */
  tokenHash: text('token_hash').primaryKey(),
  accountId: integer('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
  createdAt: text('created_at').notNull(),
  expiresAt: text('expires_at').notNull(),
});
