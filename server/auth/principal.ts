import { eq, and, gt, isNull, sql, type SQLWrapper } from 'drizzle-orm';
import type { CongressRole } from '../../db/schema/congress-memberships.ts';
import { accounts, accountSessions, apiTokens, congressMemberships, delegates } from '../../db/schema/index.ts';
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
  /**
   * An owner, organiser or staff member, with their `role` in the congress the request is about (`null` when they
   * are not a member there); `apiToken` when they act through one of a congress's API tokens.
   */
  | { kind: 'account'; accountId: number; role: CongressRole | null; apiToken?: TokenGrant }
  | { kind: 'delegate'; delegateId: number; congressId: number };

/** Whether `role` may do what any of `roles` may: an owner may do everything. */
export const holdsRole = (role: CongressRole | null, roles: readonly CongressRole[]) => role !== null && (role === 'owner' || roles.includes(role));

/** Resolves bearer tokens to who holds them; statements are prepared once, as every authenticated request runs them. */
export function createPrincipalResolver(db: AppDatabase) {
  const enabledMembership = (accountId: SQLWrapper, congressId: SQLWrapper) =>
    and(eq(congressMemberships.accountId, accountId), eq(congressMemberships.congressId, congressId), isNull(congressMemberships.disabledAt));
  const sessionByHash = db
    .select({ accountId: accounts.id, role: congressMemberships.role })
    .from(accountSessions)
    .innerJoin(accounts, eq(accounts.id, accountSessions.accountId))
    .leftJoin(congressMemberships, enabledMembership(accounts.id, sql.placeholder('congress')))
    .where(and(eq(accountSessions.tokenHash, sql.placeholder('hash')), gt(accountSessions.expiresAt, sql.placeholder('now'))))
    .prepare();
  const delegateById = db
    .select({ delegateId: delegates.id, congressId: delegates.congressId, tokenHash: delegates.tokenHash })
    .from(delegates)
    .where(eq(delegates.id, sql.placeholder('id')))
    .prepare();
  const apiTokenById = db
    .select({ congressId: apiTokens.congressId, readOnly: apiTokens.readOnly, tokenHash: apiTokens.tokenHash, revokedAt: apiTokens.revokedAt, accountId: apiTokens.createdBy, role: congressMemberships.role })
    .from(apiTokens)
    .leftJoin(congressMemberships, enabledMembership(apiTokens.createdBy, apiTokens.congressId))
    .where(eq(apiTokens.id, sql.placeholder('id')))
    .prepare();

  /** `congressId` is the congress the request is about: an account's role is its membership there. */
  return (token: string | undefined, congressId: number): Principal | null => {
    if (!token) return null;
    if (token.startsWith(tokenPrefixes.session)) {
      const session = sessionByHash.get({ hash: hashToken(token), now: nowIso(), congress: congressId });
      return session ? { kind: 'account', ...session } : null;
    }
    if (token.startsWith(tokenPrefixes.apiToken)) {
      const parsed = parseApiToken(token);
      const row = parsed ? apiTokenById.get({ id: parsed.tokenId }) : undefined;
      // A token dies with its maker's membership of its congress.
      if (!parsed || !row || row.revokedAt !== null || row.role === null || !sameHash(row.tokenHash, hashToken(parsed.secret))) return null;
      // A token acts with its maker's role, within the grant, and only in its own congress.
      const role = row.congressId === congressId ? row.role : null;
      return { kind: 'account', accountId: row.accountId, role, apiToken: { tokenId: parsed.tokenId, congressId: row.congressId, readOnly: row.readOnly } };
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
