import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

export const accountRoles = ['organiser', 'staff'] as const;
export type AccountRole = (typeof accountRoles)[number];

/** People who run the congress (organisers, floor staff); delegates sign in with their personal token instead. */
export const accounts = sqliteTable('accounts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: accountRoles }).notNull(),
  /** scrypt hash in the form `scrypt$N$r$p$salt$hash`. */
  passwordHash: text('password_hash').notNull(),
  createdAt: text('created_at').notNull(),
  /** Set when an organiser disables the account: it can no longer sign in, and its sessions and API tokens stop. */
  disabledAt: text('disabled_at'),
});
