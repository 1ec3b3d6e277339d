import { and, desc, eq, isNull } from 'drizzle-orm';
import { accounts, apiTokens } from '../../db/schema/index.ts';
import type { ApiTokenBody, ApiTokenCreated, ApiTokenSummary } from '../../shared/api-token-schema.ts';
import { recordAudit } from '../database/audit.ts';
import { nowIso, withTransaction, type Executor } from '../database/transaction.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { apiToken, hashToken, newSecret } from './tokens.ts';

export function listApiTokens(db: Executor, congressId: number): ApiTokenSummary[] {
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, readOnly: apiTokens.readOnly, createdAt: apiTokens.createdAt, createdBy: accounts.displayName, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .innerJoin(accounts, eq(accounts.id, apiTokens.createdBy))
    .where(eq(apiTokens.congressId, congressId))
    .orderBy(desc(apiTokens.id))
    .all();
}

export function createApiToken(db: Executor, congressId: number, input: ApiTokenBody, accountId: number): ApiTokenCreated {
  const secret = newSecret();
  return withTransaction(db, (tx) => {
    const { id } = tx
      .insert(apiTokens)
      .values({ congressId, name: input.name.trim(), readOnly: input.readOnly, tokenHash: hashToken(secret), createdBy: accountId, createdAt: nowIso() })
      .returning({ id: apiTokens.id })
      .get();
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'apiToken.create', entity: 'api_token', entityId: id, data: { name: input.name.trim(), readOnly: input.readOnly } });
    return { id, token: apiToken(id, secret) };
  });
}

/** Revokes a token at once: the next request made with it is refused. */
export function revokeApiToken(db: Executor, congressId: number, tokenId: number, accountId: number): void {
  withTransaction(db, (tx) => {
    const revoked = tx
      .update(apiTokens)
      .set({ revokedAt: nowIso() })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.congressId, congressId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id })
      .get();
    if (!revoked) throw new ApiFailure(404, 'id', 'notFound');
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'apiToken.revoke', entity: 'api_token', entityId: tokenId, data: null });
  });
}
