import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { outboxMessages } from '../../db/schema/index.ts';
import type { AppDatabase } from '../database/connection.ts';
import { siteAddress } from './mail-content.ts';

type OutboxRow = typeof outboxMessages.$inferSelect;

export interface MailSenderOptions {
  /** `smtp://user:pass@host:587`, `smtps://…:465`, or a plain `smtp://127.0.0.1:2525` relay. */
  smtpUrl: string;
  /** The From address, e.g. `TCI 2015 <noreply@congress.example.org>`. */
  from: string;
  /** The site's address, written into the links of each message as it leaves. */
  publicUrl: string;
  /** How long one message may stay claimed by a sender before another may take it (a sender that died). */
  leaseMs?: number;
  /** Messages handed to the server at the same time, each over its own pooled connection. */
  concurrency?: number;
  /** Messages claimed at once; the connections work through them. */
  batch?: number;
  /** How often the outbox is looked at when it was empty. */
  pollMs?: number;
  /** Connection, greeting and idle time-outs towards the mail server. */
  timeoutMs?: number;
  /** Attempts before a message that keeps failing for a passing reason is given up as failed. */
  maxAttempts?: number;
  /** The first wait before trying again; each later one doubles, to at most an hour. */
  retryBaseMs?: number;
  log?: { warn: (object: object, message: string) => void };
}

/** Waits before the next attempt: 30 s, 1 min, 2 min, … doubling to at most an hour. */
export const retryDelayMs = (attempts: number, baseMs = 30_000) => Math.min(60 * 60_000, baseMs * 2 ** Math.max(0, attempts - 1));

/** An SMTP answer in the 5xx range refuses the message for good (unknown address, rejected content). */
const permanent = (error: { responseCode?: number }) => typeof error.responseCode === 'number' && error.responseCode >= 500 && error.responseCode < 600;

/**
 * Delivers the outbox in the background. A message is claimed (status `sending`, with a lease) in one statement, so
 * two senders on one database never take the same one; after delivery its text is dropped and it is `sent`. A passing
 * failure is tried again later with a growing delay; a refusal, or too many failures, leaves it `failed` with the
 * server's answer. A sender that dies leaves its claims to lapse, and the messages are taken again with the same
 * Message-ID, which mail software treats as one message.
 */
export class MailSender {
  private readonly transport: Transporter;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private stopped = false;
  private readonly options: Required<Omit<MailSenderOptions, 'log'>> & Pick<MailSenderOptions, 'log'>;

  constructor(
    private readonly db: AppDatabase,
    options: MailSenderOptions,
  ) {
    this.options = { leaseMs: 120_000, concurrency: 10, batch: 100, pollMs: 250, timeoutMs: 15_000, maxAttempts: 8, retryBaseMs: 30_000, ...options };
    const timeout = this.options.timeoutMs;
    this.transport = nodemailer.createTransport({
      url: this.options.smtpUrl,
      pool: true,
      maxConnections: this.options.concurrency,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    } as Parameters<typeof nodemailer.createTransport>[0]);
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    while (this.running) await new Promise((resolve) => setTimeout(resolve, 20));
    this.transport.close();
  }

  /** Looks at the outbox now rather than at the next poll (after a change that queued messages). */
  wake(): void {
    if (!this.running && !this.stopped) this.schedule(0);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.round(), ms);
    this.timer.unref();
  }

  private async round(): Promise<void> {
    if (this.running || this.stopped) return;
    this.running = true;
    let busy = false;
    try {
      const claimed = this.claim();
      busy = claimed.length === this.options.batch;
      // Each connection takes the next claimed message as soon as it is free.
      let next = 0;
      const worker = async () => {
        while (next < claimed.length) await this.deliver(claimed[next++]!);
      };
      await Promise.all(Array.from({ length: Math.min(this.options.concurrency, claimed.length) }, worker));
    } catch (error) {
      this.options.log?.warn({ err: error }, 'outbox round failed');
    } finally {
      this.running = false;
      if (!this.stopped) this.schedule(busy ? 0 : this.options.pollMs);
    }
  }

  /** Claims the next due messages in one statement; lapsed claims count as due. */
  claim(now = new Date()): OutboxRow[] {
    const at = now.toISOString();
    const due = this.db
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(
        sql`(${outboxMessages.status} = 'queued' and ${outboxMessages.nextAttemptAt} <= ${at}) or (${outboxMessages.status} = 'sending' and ${outboxMessages.leaseUntil} <= ${at})`,
      )
      .orderBy(asc(outboxMessages.nextAttemptAt), asc(outboxMessages.id))
      .limit(this.options.batch);
    return this.db
      .update(outboxMessages)
      .set({ status: 'sending', leaseUntil: new Date(now.getTime() + this.options.leaseMs).toISOString(), attempts: sql`${outboxMessages.attempts} + 1` })
      .where(inArray(outboxMessages.id, due))
      .returning()
      .all();
  }

  private async deliver(message: OutboxRow): Promise<void> {
    const site = this.options.publicUrl.replace(/\/+$/, '');
    const withSite = (text: string | null) => text?.replaceAll(siteAddress, site);
    try {
      await this.transport.sendMail({
        from: this.options.from,
        to: message.toName ? { name: message.toName, address: message.toAddress } : message.toAddress,
        subject: message.subject,
        text: withSite(message.text) ?? '',
        html: withSite(message.html),
        messageId: message.messageId,
        attachments: (message.attachments ?? []).map((file) => ({ filename: file.filename, contentType: file.contentType, content: Buffer.from(file.content, 'base64') })),
        // Replies to a message about a registration go to the organisers, never to a robot that drops them.
        headers: { 'Auto-Submitted': 'auto-generated' },
        disableFileAccess: true,
        disableUrlAccess: true,
      });
      this.settle(message, { status: 'sent', sentAt: new Date().toISOString(), text: null, html: null, attachments: null, lastError: null, leaseUntil: null });
    } catch (error) {
      const failure = error as { responseCode?: number; response?: string; message?: string };
      const answer = (failure.response ?? failure.message ?? String(error)).slice(0, 500);
      if (permanent(failure) || message.attempts >= this.options.maxAttempts) {
        this.settle(message, { status: 'failed', lastError: answer, leaseUntil: null });
      } else {
        this.settle(message, { status: 'queued', lastError: answer, leaseUntil: null, nextAttemptAt: new Date(Date.now() + retryDelayMs(message.attempts, this.options.retryBaseMs)).toISOString() });
      }
    }
  }

  /** Records an attempt's outcome, unless another sender took the message over after this one's claim lapsed. */
  private settle(message: OutboxRow, changes: Partial<OutboxRow>): void {
    this.db
      .update(outboxMessages)
      .set(changes)
      .where(and(eq(outboxMessages.id, message.id), eq(outboxMessages.status, 'sending'), lte(outboxMessages.attempts, message.attempts)))
      .run();
  }
}
