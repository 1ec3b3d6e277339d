import { sqliteTable, text, integer, unique, index } from 'drizzle-orm/sqlite-core';
import { congresses } from './congresses.ts';
import { programmePeople } from './programme-people.ts';
import { programmeRooms } from './programme-rooms.ts';
import { sessionKinds } from '../../shared/session-kinds.ts';
import type { LocalizedText } from '../../shared/localized-text.ts';

/**
 * A session of the programme. Its texts are maps from language to text, read in the reader's language with the
 * edition's fallback. Side events may have a capacity and a place outside the venue.
 */
export const programmeSessions = sqliteTable(
  'programme_sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    congressId: integer('congress_id').notNull().references(() => congresses.id),
    code: text('code').notNull(),
    kind: text('kind', { enum: sessionKinds }).notNull(),
    title: text('title', { mode: 'json' }).$type<LocalizedText>().notNull().default({}),
    /** `{}`: no description. */
    description: text('description', { mode: 'json' }).$type<LocalizedText>().notNull().default({}),
    /** ISO 8601 with the event's offset. */
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
    roomId: integer('room_id').references(() => programmeRooms.id),
    /** Where a session outside the venue meets (the night tour). */
    place: text('place', { mode: 'json' }).$type<LocalizedText>().notNull().default({}),
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
