import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

/**
 * People who run congresses (owners, organisers, desk and floor staff), one account per email address across the
 * installation; what they may do in each congress is their membership there. Delegates sign in with their personal
 * token instead.
 */
export const accounts = sqliteTable('accounts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** scrypt hash in the form `scrypt$N$r$p$salt$hash`. */
  passwordHash: text('password_hash').notNull(),
  createdAt: text('created_at').notNull(),
});
