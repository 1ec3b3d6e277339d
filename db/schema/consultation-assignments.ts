import { sqliteTable, integer, index } from 'drizzle-orm/sqlite-core';
import { consultationInterpreters } from './consultation-interpreters.ts';
import { consultationMeetings } from './consultation-meetings.ts';
import { consultationSlots } from './consultation-slots.ts';
import { consultationTables } from './consultation-tables.ts';

/** Where and when a meeting takes place in the plan; participants see it once the plan is published. */
export const consultationAssignments = sqliteTable(
  'consultation_assignments',
  {
    meetingId: integer('meeting_id').primaryKey().references(() => consultationMeetings.id),
    slotId: integer('slot_id').notNull().references(() => consultationSlots.id),
    tableId: integer('table_id').notNull().references(() => consultationTables.id),
    interpreterId: integer('interpreter_id').references(() => consultationInterpreters.id),
    /** Held or promised: re-planning never moves it. */
    pinned: integer('pinned', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('consultation_assignments_slot').on(t.slotId)],
);
