import { createHmac, randomBytes } from 'node:crypto';
import { eq, isNull, and } from 'drizzle-orm';
import { congresses } from '../../db/schema/index.ts';
import { withTransaction, type Executor } from '../database/transaction.ts';
import { sameHash } from '../auth/tokens.ts';

/**
 * The check-in code on a badge: `TCI1.<delegate id>.<signature>`, the signature an HMAC-SHA256 of the id under the
 * congress's secret (128 bits kept). Without the secret a code cannot be forged, and it cannot be guessed.
 */
const prefix = 'TCI1';

/** The congress's badge secret, made the first time a badge is printed or scanned. */
export function badgeSecret(db: Executor, congressId: number): string {
  // Every scan asks: a read, and a write only the first time.
  const stored = db.select({ secret: congresses.badgeSecret }).from(congresses).where(eq(congresses.id, congressId)).get()!.secret;
  if (stored) return stored;
  return withTransaction(db, (tx) => {
    tx.update(congresses).set({ badgeSecret: randomBytes(32).toString('base64url') }).where(and(eq(congresses.id, congressId), isNull(congresses.badgeSecret))).run();
    return tx.select({ secret: congresses.badgeSecret }).from(congresses).where(eq(congresses.id, congressId)).get()!.secret!;
  });
}

const signature = (secret: string, delegateId: number) => createHmac('sha256', secret).update(`${prefix}.${delegateId}`).digest('base64url').slice(0, 22);

export const badgeCode = (secret: string, delegateId: number) => `${prefix}.${delegateId}.${signature(secret, delegateId)}`;

/** The delegate a code was printed for, or null for anything not printed by this congress. */
export function readBadgeCode(secret: string, code: string): number | null {
  // One spelling per badge: the id without leading zeros, so "TCI1.007.…" is not a second code for delegate 7.
  const match = /^TCI1\.([1-9]\d{0,11})\.([A-Za-z0-9_-]{22})$/.exec(code.trim());
  if (!match) return null;
  const delegateId = Number(match[1]);
  return sameHash(signature(secret, delegateId), match[2]!) ? delegateId : null;
}
