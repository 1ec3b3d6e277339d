import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

/** Proof-of-work challenges already used: each solution admits one registration. */
export const spentChallenges = sqliteTable('spent_challenges', {
  signature: text('signature').primaryKey(),
  /** Seconds since the epoch after which the challenge is refused anyway, and its row may go. */
  expiresAt: integer('expires_at').notNull(),
});
