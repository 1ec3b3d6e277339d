import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';
import { accounts } from './accounts.ts';
import { delegates } from './delegates.ts';

/** A delegate's arrival at the congress: one row per delegate, the first scan of their badge. */
export const checkIns = sqliteTable('check_ins', {
  delegateId: integer('delegate_id').primaryKey().references(() => delegates.id),
  checkedInAt: text('checked_in_at').notNull(),
  desk: text('desk').notNull(),
  recordedBy: integer('recorded_by').references(() => accounts.id),
});
