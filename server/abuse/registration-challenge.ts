import { createChallenge, randomInt, verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { and, count, eq, gte, lt, sql } from 'drizzle-orm';
import { delegates, spentChallenges } from '../../db/schema/index.ts';
import type { AppDatabase } from '../database/connection.ts';
import type { Executor } from '../database/transaction.ts';
import { siteSecret } from '../database/site-secrets.ts';
import { ApiFailure } from '../http/api-failure.ts';

/**
 * A proof of work (ALTCHA's, verified here: no outside service) that the registration form solves in the browser
 * once an address has registered many delegates. A person waits a second or two; a script pays for every registration.
 */
const lifetimeSeconds = 10 * 60;
/** SHA-256 rounds the browser tries before it finds the answer: about a second in a phone's browser. */
const work = { from: 20_000, to: 60_000 };

const secrets = (db: AppDatabase) => ({
  hmacSignatureSecret: siteSecret(db, 'registration-challenge'),
  hmacKeySignatureSecret: siteSecret(db, 'registration-challenge-key'),
});

export function issueRegistrationChallenge(db: AppDatabase): Promise<Challenge> {
  return createChallenge({
    algorithm: 'SHA-256',
    cost: 1,
    counter: randomInt(work.from, work.to),
    deriveKey,
    expiresAt: Math.floor(Date.now() / 1000) + lifetimeSeconds,
    ...secrets(db),
  });
}

/**
 * Counts the registrations from an address in the last minutes, across every process on the database; prepared once,
 * as every public registration asks.
 */
export function prepareRecentRegistrationCount(db: AppDatabase) {
  const statement = db
    .select({ n: count() })
    .from(delegates)
    .where(and(eq(delegates.congressId, sql.placeholder('congressId')), eq(delegates.registeredFrom, sql.placeholder('address')), gte(delegates.createdAt, sql.placeholder('since'))))
    .prepare();
  return (congressId: number, address: string, minutes: number): number =>
    statement.get({ congressId, address, since: new Date(Date.now() - minutes * 60_000).toISOString() })!.n;
}

/** A solved challenge, checked but not yet spent: spending it joins the registration's transaction. */
export interface SolvedChallenge {
  signature: string;
  expiresAt: number;
}

const refused = (messageKey: string) => new ApiFailure(400, 'challenge', messageKey);

/** Reads the form's `challenge` (base64 JSON of `{ challenge, solution }`, as ALTCHA sends it) and checks the work. */
export async function checkSolvedChallenge(db: AppDatabase, payload: string): Promise<SolvedChallenge> {
  let parsed: { challenge?: Challenge; solution?: Solution };
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as typeof parsed;
  } catch {
    throw refused('challengeFailed');
  }
  const challenge = parsed?.challenge;
  if (!challenge || typeof challenge !== 'object' || typeof challenge.signature !== 'string' || typeof challenge.parameters !== 'object' || !parsed.solution) {
    throw refused('challengeFailed');
  }
  const result = await verifySolution({ challenge, solution: parsed.solution, deriveKey, ...secrets(db) }).catch(() => null);
  if (result?.expired) throw refused('challengeExpired');
  if (!result?.verified) throw refused('challengeFailed');
  return { signature: challenge.signature, expiresAt: challenge.parameters.expiresAt ?? 0 };
}

/** Marks a challenge used, in the caller's transaction: one solution admits one registration. */
export function spendChallenge(tx: Executor, solved: SolvedChallenge): void {
  tx.delete(spentChallenges).where(lt(spentChallenges.expiresAt, Math.floor(Date.now() / 1000))).run();
  const { changes } = tx.insert(spentChallenges).values(solved).onConflictDoNothing().run();
  if (changes === 0) throw refused('challengeSpent');
}
