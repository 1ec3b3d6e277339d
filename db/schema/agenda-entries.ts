import { sqliteTable, text, integer, unique, index } from 'drizzle-orm/sqlite-core';
import { delegates } from './delegates.ts';
import { programmeSessions } from './programme-sessions.ts';

/** A session on a delegate's personal agenda; for a session with a capacity, a place or a place on its waiting list. */
export const agendaEntries = sqliteTable(
  'agenda_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    delegateId: integer('delegate_id').notNull().references(() => delegates.id),
    sessionId: integer('session_id').notNull().references(() => programmeSessions.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['going', 'waitlisted'] }).notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [unique().on(t.delegateId, t.sessionId), index('agenda_entries_session').on(t.sessionId, t.status)],
);
