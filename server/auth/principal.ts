import { eq, and, gt, isNull, sql } from 'drizzle-orm';
import type { AccountRole } from '../../db/schema/accounts.ts';
import { accounts, accountSessions, apiTokens, delegates } from '../../db/schema/index.ts';
import type { AppDatabase } from '../database/connection.ts';
import { nowIso } from '../database/transaction.ts';
import { hashToken, parseApiToken, parseDelegateToken, sameHash, tokenPrefixes } from './tokens.ts';

/** What an API token allows: one congress, and with `readOnly` only reading. */
export interface TokenGrant {
  tokenId: number;
  congressId: number;
  readOnly: boolean;
}

export type Principal =
  /** An organiser or staff member; `apiToken` when they act through one of a congress's API tokens. */
  | { kind: 'account'; accountId: number; role: AccountRole; apiToken?: TokenGrant }
  | { kind: 'delegate'; delegateId: number; congressId: number };

/** Resolves bearer tokens to who holds them; statements are prepared once, as every authenticated request runs them. */
export function createPrincipalResolver(db: AppDatabase) {
  const sessionByHash = db
    .select({ accountId: accounts.id, role: accounts.role })
    .from(accountSessions)
    .innerJoin(accounts, eq(accounts.id, accountSessions.accountId))
    .where(and(eq(accountSessions.tokenHash, sql.placeholder('hash')), gt(accountSessions.expiresAt, sql.placeholder('now')), isNull(accounts.disabledAt)))
    .prepare();
  const delegateById = db
    .select({ delegateId: delegates.id, congressId: delegates.congressId, tokenHash: delegates.tokenHash })
    .from(delegates)
    .where(eq(delegates.id, sql.placeholder('id')))
    .prepare();
  const apiTokenById = db
    .select({ congressId: apiTokens.congressId, readOnly: apiTokens.readOnly, tokenHash: apiTokens.tokenHash, revokedAt: apiTokens.revokedAt, accountId: accounts.id, role: accounts.role, disabledAt: accounts.disabledAt })
    .from(apiTokens)
    .innerJoin(accounts, eq(accounts.id, apiTokens.createdBy))
    .where(eq(apiTokens.id, sql.placeholder('id')))
    .prepare();

  return (token: string | undefined): Principal | null => {
    if (!token) return null;
    if (token.startsWith(tokenPrefixes.session)) {
      const session = sessionByHash.get({ hash: hashToken(token), now: nowIso() });
      return session ? { kind: 'account', ...session } : null;
    }
    if (token.startsWith(tokenPrefixes.apiToken)) {
      const parsed = parseApiToken(token);
      const row = parsed ? apiTokenById.get({ id: parsed.tokenId }) : undefined;
      if (!parsed || !row || row.revokedAt !== null || row.disabledAt !== null || !sameHash(row.tokenHash, hashToken(parsed.secret))) return null;
      // A token acts with its maker's role, within the grant.
      return { kind: 'account', accountId: row.accountId, role: row.role, apiToken: { tokenId: parsed.tokenId, congressId: row.congressId, readOnly: row.readOnly } };
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
