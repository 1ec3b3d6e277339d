import { sqliteTable, text, integer, unique } from 'drizzle-orm/sqlite-core';
import type { LocalizedText } from '../../shared/localized-text.ts';
import { congresses } from './congresses.ts';

/** A cluster tour: a day visit of one industrial cluster by bus. Its texts are maps from language to text. */
export const tours = sqliteTable(
  'tours',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    congressId: integer('congress_id').notNull().references(() => congresses.id),
    /** Stable code, e.g. `changwon`; also the tour's id in a tour-instance/1 file. */
    code: text('code').notNull(),
    title: text('title', { mode: 'json' }).$type<LocalizedText>().notNull(),
    description: text('description', { mode: 'json' }).$type<LocalizedText>().notNull(),
    /** ISO 8601 with the event's offset. */
    departsAt: text('departs_at').notNull(),
    returnsAt: text('returns_at').notNull(),
    meetingPoint: text('meeting_point', { mode: 'json' }).$type<LocalizedText>().notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [unique().on(t.congressId, t.code)],
);
