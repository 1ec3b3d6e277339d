import { sqliteTable, text, integer, unique } from 'drizzle-orm/sqlite-core';
import { congresses } from './congresses.ts';

/** A cluster tour: a day visit of one industrial cluster by bus. Texts in Korean and English; others read English. */
export const tours = sqliteTable(
  'tours',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    congressId: integer('congress_id').notNull().references(() => congresses.id),
    /** Stable code, e.g. `changwon`; also the tour's id in a tour-instance/1 file. */
    code: text('code').notNull(),
    titleKo: text('title_ko').notNull(),
    titleEn: text('title_en').notNull(),
    descriptionKo: text('description_ko').notNull(),
    descriptionEn: text('description_en').notNull(),
    /** ISO 8601 with the event's offset. */
    departsAt: text('departs_at').notNull(),
    returnsAt: text('returns_at').notNull(),
    meetingPointKo: text('meeting_point_ko').notNull(),
    meetingPointEn: text('meeting_point_en').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [unique().on(t.congressId, t.code)],
);
