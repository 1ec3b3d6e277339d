import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { congresses } from './congresses.ts';

export const outboxStatuses = ['queued', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/** A file sent with a message, its content in base64 (a calendar file, a letter). */
export interface OutboxAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/**
 * A message to one person, written in the same transaction as the change that causes it and delivered by the
 * sender in the background. The text is rendered when the message is queued and dropped once it is delivered
 * (it may hold a personal link); the subject stays for the organisers' outbox.
 */
export const outboxMessages = sqliteTable(
  'outbox_messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    congressId: integer('congress_id').references(() => congresses.id),
    /** What the message is about (`registration.confirmed`, `link`, …): reminders and limits count by it. */
    kind: text('kind').notNull(),
    /** The delegate it is for, where it is for one. */
    delegateId: integer('delegate_id'),
    toAddress: text('to_address').notNull(),
    toName: text('to_name'),
    subject: text('subject').notNull(),
    text: text('text'),
    html: text('html'),
    attachments: text('attachments', { mode: 'json' }).$type<OutboxAttachment[]>(),
    language: text('language').notNull(),
    /** Chosen when queued and sent with every attempt, so a message handed over twice is one message to mail software. */
    messageId: text('message_id').notNull().unique(),
    status: text('status', { enum: outboxStatuses }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    /** While `sending`: until when the sender that claimed it holds it; a sender that died lets it go then. */
    leaseUntil: text('lease_until'),
    /** The mail server's answer to the last failed attempt. */
    lastError: text('last_error'),
    createdAt: text('created_at').notNull(),
    sentAt: text('sent_at'),
    /** The organisers' message this is one recipient's copy of. */
    mailingId: integer('mailing_id'),
    /** Set for a message that must go out once only (a reminder): a second one with the same key is not queued. */
    onceKey: text('once_key').unique(),
  },
  (t) => [index('outbox_due').on(t.status, t.nextAttemptAt), index('outbox_congress').on(t.congressId, t.id), index('outbox_recipient').on(t.toAddress, t.kind, t.createdAt), index('outbox_mailing').on(t.mailingId, t.status)],
);
