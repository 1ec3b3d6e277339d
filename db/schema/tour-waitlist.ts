import { sqliteTable, text, integer, index, unique } from 'drizzle-orm/sqlite-core';
import { delegates } from './delegates.ts';
import { tours } from './tours.ts';

/** Delegates waiting for a seat on a tour; the lowest id is first in line. */
export const tourWaitlist = sqliteTable(
  'tour_waitlist',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tourId: integer('tour_id').notNull().references(() => tours.id),
    delegateId: integer('delegate_id').notNull().references(() => delegates.id),
    joinedAt: text('joined_at').notNull(),
  },
  (t) => [unique().on(t.tourId, t.delegateId), index('tour_waitlist_delegate').on(t.delegateId)],
);
