import { sqliteTable, integer, primaryKey } from 'drizzle-orm/sqlite-core';
import { programmePeople } from './programme-people.ts';
import { programmeSessions } from './programme-sessions.ts';

/** Who speaks in a session, in order. */
export const programmeSessionSpeakers = sqliteTable(
  'programme_session_speakers',
  {
    sessionId: integer('session_id').notNull().references(() => programmeSessions.id, { onDelete: 'cascade' }),
    personId: integer('person_id').notNull().references(() => programmePeople.id),
    sortOrder: integer('sort_order').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.personId] })],
);
