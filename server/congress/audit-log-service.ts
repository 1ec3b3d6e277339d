import { and, count, desc, eq, gte, like, lte, type SQL } from 'drizzle-orm';
import { accounts, auditLog, delegates } from '../../db/schema/index.ts';
import type { AuditPage, AuditQuery } from '../../shared/audit-schema.ts';
import { fullName } from '../../shared/person-name.ts';
import type { Executor } from '../database/transaction.ts';

/** Who did what in one edition, newest first, filtered by person, area and time. */
export function auditPage(db: Executor, congressId: number, query: AuditQuery): AuditPage {
  const conditions: SQL[] = [eq(auditLog.congressId, congressId)];
  if (query.account !== undefined) conditions.push(and(eq(auditLog.actorType, 'account'), eq(auditLog.actorId, query.account))!);
  if (query.area) conditions.push(like(auditLog.action, `${query.area}.%`));
  if (query.from) conditions.push(gte(auditLog.at, new Date(query.from).toISOString()));
  if (query.to) conditions.push(lte(auditLog.at, new Date(query.to).toISOString()));
  const where = and(...conditions);
  const total = db.select({ total: count() }).from(auditLog).where(where).get()!.total;
  const rows = db
    .select({ row: auditLog, account: accounts.displayName, givenName: delegates.givenName, familyName: delegates.familyName })
    .from(auditLog)
    .leftJoin(accounts, and(eq(auditLog.actorType, 'account'), eq(accounts.id, auditLog.actorId)))
    .leftJoin(delegates, and(eq(auditLog.actorType, 'delegate'), eq(delegates.id, auditLog.actorId)))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(query.limit ?? 100)
    .offset(query.offset ?? 0)
    .all();
  return {
    total,
    items: rows.map(({ row, account, givenName, familyName }) => ({
      id: row.id,
      at: row.at,
      actor: { type: row.actorType, id: row.actorId, name: account ?? (givenName !== null && familyName !== null ? fullName(givenName, familyName) : null) },
      action: row.action,
      entity: row.entity,
      entityId: row.entityId,
      data: row.data ?? null,
    })),
  };
}
