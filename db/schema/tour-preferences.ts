import { sqliteTable, text, integer, primaryKey, unique } from 'drizzle-orm/sqlite-core';
import { delegates } from './delegates.ts';
import { tours } from './tours.ts';

/** A delegate's ranked tour choices (rank 1 is best). `submittedAt` orders delegates when choices tie. */
export const tourPreferences = sqliteTable(
  'tour_preferences',
  {
    delegateId: integer('delegate_id').notNull().references(() => delegates.id),
    rank: integer('rank').notNull(),
    tourId: integer('tour_id').notNull().references(() => tours.id),
    submittedAt: text('submitted_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.delegateId, t.rank] }), unique().on(t.delegateId, t.tourId)],
);
