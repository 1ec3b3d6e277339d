import { sqliteTable, text, integer, unique } from 'drizzle-orm/sqlite-core';
import type { LocalizedText } from '../../shared/localized-text.ts';
import { congresses } from './congresses.ts';

/** A room of the venue (EXCO) where sessions take place. */
export const programmeRooms = sqliteTable(
  'programme_rooms',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    congressId: integer('congress_id').notNull().references(() => congresses.id),
    code: text('code').notNull(),
    name: text('name', { mode: 'json' }).$type<LocalizedText>().notNull().default({}),
    /** Seats; null: not counted. */
    capacity: integer('capacity'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [unique().on(t.congressId, t.code)],
);
