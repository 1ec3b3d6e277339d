import { eq, and, gt, sql } from 'drizzle-orm';
import type { AccountRole } from '../../db/schema/accounts.ts';
import { accounts, accountSessions, delegates } from '../../db/schema/index.ts';
import type { AppDatabase } from '../database/connection.ts';
import { nowIso } from '../database/transaction.ts';
import { hashToken, parseDelegateToken, sameHash, tokenPrefixes } from './tokens.ts';

export type Principal =
  | { kind: 'account'; accountId: number; role: AccountRole }
  | { kind: 'delegate'; delegateId: number; congressId: number };

/** Resolves bearer tokens to who holds them; statements are prepared once, as every authenticated request runs them. */
export function createPrincipalResolver(db: AppDatabase) {
  const sessionByHash = db
    .select({ accountId: accounts.id, role: accounts.role })
    .from(accountSessions)
    .innerJoin(accounts, eq(accounts.id, accountSessions.accountId))
    .where(and(eq(accountSessions.tokenHash, sql.placeholder('hash')), gt(accountSessions.expiresAt, sql.placeholder('now'))))
    .prepare();
  const delegateById = db
    .select({ delegateId: delegates.id, congressId: delegates.congressId, tokenHash: delegates.tokenHash })
    .from(delegates)
    .where(eq(delegates.id, sql.placeholder('id')))
    .prepare();

  return (token: string | undefined): Principal | null => {
    if (!token) return null;
    if (token.startsWith(tokenPrefixes.session)) {
      const session = sessionByHash.get({ hash: hashToken(token), now: nowIso() });
      return session ? { kind: 'account', ...session } : null;
    }
    const parsed = parseDelegateToken(token);
    if (!parsed) return null;
    const delegate = delegateById.get({ id: parsed.delegateId });
    if (!delegate || !sameHash(delegate.tokenHash, hashToken(parsed.secret))) return null;
    return { kind: 'delegate', delegateId: delegate.delegateId, congressId: delegate.congressId };
  };
}

export function bearerToken(authorization: string | undefined): string | undefined {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}
