import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';
import type { LocalizedText } from '../../shared/localized-text.ts';
import { tours } from './tours.ts';

/** A bus of a tour, with its seats and the languages its guides speak. Buses fill in `sortOrder`. */
export const tourBuses = sqliteTable('tour_buses', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  tourId: integer('tour_id').notNull().references(() => tours.id),
  /** What the bus is called ("Bus 1", "1호차"), per language. */
  label: text('label', { mode: 'json' }).$type<LocalizedText>().notNull(),
  capacity: integer('capacity').notNull(),
  guideLanguages: text('guide_languages', { mode: 'json' }).$type<string[]>().notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});
