import { eq, and, gt, sql } from 'drizzle-orm';
import type { AccountRole } from '../../db/schema/accounts.ts';
import { accounts, accountSessions, delegates } from '../../db/schema/index.ts';
import type { AppDatabase } from '../database/connection.ts';
import { nowIso } from '../database/transaction.ts';
import { hashToken, tokenPrefixes } from './tokens.ts';

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
  const delegateByHash = db
    .select({ delegateId: delegates.id, congressId: delegates.congressId })
    .from(delegates)
    .where(eq(delegates.tokenHash, sql.placeholder('hash')))
    .prepare();

  return (token: string | undefined): Principal | null => {
    if (!token) return null;
    const hash = hashToken(token);
    if (token.startsWith(tokenPrefixes.session)) {
      const session = sessionByHash.get({ hash, now: nowIso() });
      return session ? { kind: 'account', ...session } : null;
    }
    if (token.startsWith(tokenPrefixes.delegate)) {
      const delegate = delegateByHash.get({ hash });
      return delegate ? { kind: 'delegate', ...delegate } : null;
    }
    return null;
  };
}

export function bearerToken(authorization: string | undefined): string | undefined {
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}
