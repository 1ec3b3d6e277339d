import { sqliteTable, text, integer, unique } from 'drizzle-orm/sqlite-core';
import { congresses } from './congresses.ts';

export const congressDays = sqliteTable(
  'congress_days',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    congressId: integer('congress_id').notNull().references(() => congresses.id),
    date: text('date').notNull(),
    /** Locale key of what the day is about (e.g. `tours`), so the label is translated like any other text. */
    focus: text('focus').notNull(),
  },
  (t) => [unique().on(t.congressId, t.date)],
);
