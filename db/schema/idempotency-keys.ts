import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

/** The first answer to a request sent with an `Idempotency-Key`, replayed to retries. */
export const idempotencyKeys = sqliteTable('idempotency_keys', {
  /** SHA-256 of the key; the answer's personal token is sealed with the key itself (see idempotent-answer.ts). */
  key: text('key').primaryKey(),
  /** SHA-256 of the request body: the same key with another body is refused. */
  requestHash: text('request_hash').notNull(),
  statusCode: integer('status_code').notNull(),
  response: text('response', { mode: 'json' }).notNull(),
  createdAt: text('created_at').notNull(),
});
