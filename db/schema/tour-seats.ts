import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { accounts } from './accounts.ts';
import { delegates } from './delegates.ts';
import { tourBuses } from './tour-buses.ts';

/** A delegate's seat on a bus: at most one per delegate. Visible to delegates once the assignment is published. */
export const tourSeats = sqliteTable(
  'tour_seats',
  {
    delegateId: integer('delegate_id').primaryKey().references(() => delegates.id),
    busId: integer('bus_id').notNull().references(() => tourBuses.id),
    /** Which of the delegate's choices this is; null for a seat an organiser gave outside them. */
    rank: integer('rank'),
    boardedAt: text('boarded_at'),
    boardedBy: integer('boarded_by').references(() => accounts.id),
  },
  (t) => [index('tour_seats_bus').on(t.busId)],
);
