import { sqliteTable, text, integer, unique, index } from 'drizzle-orm/sqlite-core';
import { congresses } from './congresses.ts';
import { consultationParticipants } from './consultation-participants.ts';

export const meetingStatuses = ['requested', 'accepted', 'declined'] as const;

/**
 * A buyer–supplier meeting to hold: pre-matched by an organiser (accepted at once) or requested by one side and
 * accepted or declined by the other. Accepted meetings are what the day is planned with.
 */
export const consultationMeetings = sqliteTable(
  'consultation_meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    congressId: integer('congress_id').notNull().references(() => congresses.id),
    code: text('code').notNull(),
    buyerId: integer('buyer_id').notNull().references(() => consultationParticipants.id),
    supplierId: integer('supplier_id').notNull().references(() => consultationParticipants.id),
    /** Weight in the plan: more important meetings are placed first. */
    priority: integer('priority').notNull().default(1),
    origin: text('origin', { enum: ['prematch', 'buyer', 'supplier', 'walk-in'] }).notNull(),
    status: text('status', { enum: meetingStatuses }).notNull(),
    message: text('message'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [unique().on(t.congressId, t.code), unique().on(t.buyerId, t.supplierId), index('consultation_meetings_supplier').on(t.supplierId)],
);
