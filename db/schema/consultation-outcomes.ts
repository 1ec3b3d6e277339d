import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';
import { meetingOutcomes } from '../../shared/meeting-outcomes.ts';
import { consultationMeetings } from './consultation-meetings.ts';

/** What a meeting led to, recorded after it by either side or by staff. */
export const consultationOutcomes = sqliteTable('consultation_outcomes', {
  meetingId: integer('meeting_id').primaryKey().references(() => consultationMeetings.id),
  /** Whether the meeting took place. */
  attendance: text('attendance', { enum: ['held', 'no-show'] }).notNull(),
  outcome: text('outcome', { enum: meetingOutcomes }).notNull(),
  /** Contract value in USD, for contracts in progress or signed. */
  valueUsd: integer('value_usd'),
  /** What the contract is about, in words. */
  products: text('products'),
  /** The HS headings the contract covers; the report's sector is the first. */
  hsCodes: text('hs_codes', { mode: 'json' }).$type<string[] | null>(),
  recordedAt: text('recorded_at').notNull(),
});
