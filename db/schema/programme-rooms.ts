import { sqliteTable, text, integer, unique } from 'drizzle-orm/sqlite-core';
import { congresses } from './congresses.ts';

/** A room of the venue (EXCO) where sessions take place. */
export const programmeRooms = sqliteTable(
  'programme_rooms',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    congressId: integer('congress_id').notNull().references(() => congresses.id),
    code: text('code').notNull(),
    nameKo: text('name_ko').notNull(),
    nameEn: text('name_en').notNull(),
    /** Seats; null: not counted. */
    capacity: integer('capacity'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [unique().on(t.congressId, t.code)],
);
