import { sqliteTable, text, integer, unique } from 'drizzle-orm/sqlite-core';
import { congresses } from './congresses.ts';

/** A fixed time window of the export-consultation day. */
export const consultationSlots = sqliteTable(
  'consultation_slots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    congressId: integer('congress_id').notNull().references(() => congresses.id),
    /** Stable code, e.g. `d2-1000`; the slot's id in a consultation-instance/1 file. */
    code: text('code').notNull(),
    startsAt: text('starts_at').notNull(),
    endsAt: text('ends_at').notNull(),
  },
  (t) => [unique().on(t.congressId, t.code)],
);
