import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { congresses } from './congresses.ts';
import { delegates } from './delegates.ts';
import { accounts } from './accounts.ts';

export const visaLetterStatuses = ['requested', 'issued', 'declined', 'revoked'] as const;
export type VisaLetterStatus = (typeof visaLetterStatuses)[number];

/**
 * A delegate's request for a visa invitation letter and, once approved, the letter. The passport fields are the
 * most sensitive data the product holds: organisers see them, the delegate's letter prints them, and they are erased
 * first. One request per delegate: asking again after a refusal replaces the refused one.
 */
export const visaLetters = sqliteTable(
  'visa_letters',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    congressId: integer('congress_id').notNull().references(() => congresses.id),
    delegateId: integer('delegate_id').notNull().unique().references(() => delegates.id),
    /** The name exactly as the passport writes it, in Latin letters. */
    passportName: text('passport_name'),
    /** ISO 3166 code of the passport's country. */
    nationality: text('nationality').notNull(),
    passportNumber: text('passport_number'),
    birthDate: text('birth_date'),
    passportExpiry: text('passport_expiry'),
    /** The consulate or embassy where the delegate applies, as they name it. */
    consulate: text('consulate'),
    status: text('status', { enum: visaLetterStatuses }).notNull(),
    /** Why the organisers declined, in their words. */
    declineReason: text('decline_reason'),
    /** What a consulate types or scans to check the letter; random, so guessing one finds nothing. */
    verificationCode: text('verification_code').unique(),
    requestedAt: text('requested_at').notNull(),
    decidedAt: text('decided_at'),
    decidedBy: integer('decided_by').references(() => accounts.id),
    /** When the passport fields were erased (by the delegate or the edition's retention); the decision stays. */
    erasedAt: text('erased_at'),
  },
  (t) => [index('visa_letters_queue').on(t.congressId, t.status, t.requestedAt)],
);
