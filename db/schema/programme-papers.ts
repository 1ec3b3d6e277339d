import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';
import { programmeSessions } from './programme-sessions.ts';

/** A paper presented in a session of the academic conference. */
export const programmePapers = sqliteTable('programme_papers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  sessionId: integer('session_id').notNull().references(() => programmeSessions.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  authors: text('authors').notNull(),
  abstract: text('abstract').notNull(),
  sortOrder: integer('sort_order').notNull(),
});
