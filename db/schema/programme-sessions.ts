import { sqliteTable, text, integer, unique, index } from 'drizzle-orm/sqlite-core';
import { congresses } from './congresses.ts';
import { programmePeople } from './programme-people.ts';
import { programmeRooms } from './programme-rooms.ts';
import { sessionKinds } from '../../shared/session-kinds.ts';


/**
 * A session of the programme. Titles and descriptions in Korean and English; either may be missing and the other
 * is shown instead. Side events may have a capacity and a place outside the venue.
 */
export const programmeSessions = sqliteTable(
  'programme_sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    congressId: integer('congress_id').notNull().references(() => congresses.id),
    code: text('code').notNull(),
    kind: text('kind', { enum: sessionKinds }).notNull(),
    titleKo: text('title_ko'),
    titleEn: text('title_en'),
    descriptionKo: text('description_ko'),
    descriptionEn: text('description_en'),
    /** ISO 8601 with the event's offset. */
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    roomId: integer('room_id').references(() => programmeRooms.id),
    /** Where a session outside the venue meets (the night tour). */
    placeKo: text('place_ko'),
    placeEn: text('place_en'),
    chairId: integer('chair_id').references(() => programmePeople.id),
    /** Side events: places to sign up for; null: open to all. */
    capacity: integer('capacity'),
    /** When organisers called the session off; it stays listed (and in calendars, as cancelled) so nobody misses the news. */
    cancelledAt: text('cancelled_at'),
    /** Goes up with every change, for calendar apps (SEQUENCE); `updatedAt` is its LAST-MODIFIED. */
    sequence: integer('sequence').notNull().default(0),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [unique().on(t.congressId, t.code), index('programme_sessions_time').on(t.congressId, t.startsAt)],
);
