import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';
import { accounts } from './accounts.ts';
import { consultationParticipants } from './consultation-participants.ts';

/** A buyer or supplier who has arrived in the consultation hall, as staff marked it. */
export const consultationArrivals = sqliteTable('consultation_arrivals', {
  participantId: integer('participant_id').primaryKey().references(() => consultationParticipants.id),
  arrivedAt: text('arrived_at').notNull(),
  recordedBy: integer('recorded_by').references(() => accounts.id),
});
