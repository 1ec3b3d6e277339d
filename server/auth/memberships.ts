import { and, eq } from 'drizzle-orm';
import { congressMemberships } from '../../db/schema/index.ts';
import type { CongressRole } from '../../db/schema/congress-memberships.ts';
import { nowIso, type Executor } from '../database/transaction.ts';

/** The account's membership of the congress, enabled or not; `undefined` when it has none. */
export function membershipOf(db: Executor, congressId: number, accountId: number) {
  return db
    .select({ role: congressMemberships.role, disabledAt: congressMemberships.disabledAt })
    .from(congressMemberships)
    .where(and(eq(congressMemberships.congressId, congressId), eq(congressMemberships.accountId, accountId)))
    .get();
}

/** Makes the account a member of the congress in the role; the caller records why in the audit log. */
export function grantMembership(db: Executor, input: { congressId: number; accountId: number; role: CongressRole }): void {
  db.insert(congressMemberships).values({ ...input, createdAt: nowIso() }).run();
}

/** The account's role in the congress while its membership is enabled, else `null`. */
export function activeRole(db: Executor, congressId: number, accountId: number): CongressRole | null {
  const membership = membershipOf(db, congressId, accountId);
  return membership && membership.disabledAt === null ? membership.role : null;
}
