import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

/**
 * Requests counted per key (a client address and what it did) in the current fixed window. Kept in the database so
 * that every server process on it counts together, and a restart does not forgive a burst.
 */
export const requestCounts = sqliteTable('request_counts', {
  key: text('key').primaryKey(),
  /** Start of the window being counted, in milliseconds since the epoch. */
  windowStart: integer('window_start').notNull(),
  hits: integer('hits').notNull(),
});
