import { sqliteTable, text, integer, unique } from 'drizzle-orm/sqlite-core';
import type { LocalizedText } from '../../shared/localized-text.ts';
import { congresses } from './congresses.ts';

export const congressDays = sqliteTable(
  'congress_days',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    congressId: integer('congress_id').notNull().references(() => congresses.id),
    date: text('date').notNull(),
    /** Locale key of what the day is about (e.g. `tours`), so the label is translated like any other text. */
    focus: text('focus').notNull(),
    /** The day's own name per language, set by organisers; null: the focus's label. */
    title: text('title', { mode: 'json' }).$type<LocalizedText>(),
  },
  (t) => [unique().on(t.congressId, t.date)],
);
