import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { outboxMessages, type OutboxAttachment } from '../../db/schema/index.ts';
import type { Executor } from '../database/transaction.ts';
import type { MailContent } from './mail-content.ts';
import { oneLine } from './mail-content.ts';

/** A message to queue: for whom, about what, and what it says. */
export interface OutgoingMessage {
  congressId: number | null;
  kind: string;
  delegateId?: number | null;
  to: string;
  toName?: string | null;
  language: string;
  content: MailContent;
  attachments?: OutboxAttachment[];
  /** A message that must go out once only (a reminder): another with the same key is not queued. */
  onceKey?: string;
  /** The organisers' message this is one recipient's copy of. */
  mailingId?: number;
}

/** The row of a queued message, due at once; its Message-ID is chosen now and kept for every attempt. */
export function outboxRow(message: OutgoingMessage, now = new Date().toISOString()): typeof outboxMessages.$inferInsert {
  return {
    congressId: message.congressId,
    kind: message.kind,
    delegateId: message.delegateId ?? null,
    toAddress: oneLine(message.to),
    toName: message.toName ? oneLine(message.toName) : null,
    subject: message.content.subject,
    text: message.content.text,
    html: message.content.html,
    attachments: message.attachments ?? null,
    language: message.language,
    // Unique by its random left part; the right part names the product that made it.
    messageId: `<${randomUUID()}@cluster-congress>`,
    status: 'queued',
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
    onceKey: message.onceKey ?? null,
    mailingId: message.mailingId ?? null,
  };
}

/**
 * Queues a message in the caller's transaction, so the change that causes it and the message land together or not at
 * all. A message with a `onceKey` already queued is not queued again; the answer says whether this one was.
 */
export function queueMessage(executor: Executor, message: OutgoingMessage): boolean {
  return executor.insert(outboxMessages).values(outboxRow(message)).onConflictDoNothing({ target: outboxMessages.onceKey }).run().changes === 1;
}

/** The same insert, prepared once, for the registration path. */
export function prepareOutboxInsert(executor: Executor) {
  const columns = Object.keys(outboxRow({ congressId: 0, kind: '', to: '', language: '', content: { subject: '', text: '', html: '' } })) as (keyof typeof outboxMessages.$inferInsert)[];
  const values = Object.fromEntries(columns.map((column) => [column, sql.placeholder(column)])) as unknown as typeof outboxMessages.$inferInsert;
  return executor.insert(outboxMessages).values(values).prepare();
}
