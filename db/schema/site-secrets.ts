import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Keys the server signs with, made on first use and shared by every process on the database. */
export const siteSecrets = sqliteTable('site_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
});
