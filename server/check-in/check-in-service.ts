import { and, count, eq } from 'drizzle-orm';
import { checkIns, delegateCategories, delegates } from '../../db/schema/index.ts';
import type { CheckInCounts, CheckInResult, MyBadge } from '../../shared/check-in-schema.ts';
import { recordAudit } from '../database/audit.ts';
import { nowIso, withTransaction, type Executor } from '../database/transaction.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { badgeCode, badgeSecret, readBadgeCode } from './badge-token.ts';
import { fullName } from '../../shared/person-name.ts';

/** The door: a badge's code scanned at a desk checks its delegate in, once. */

/**
 * Checks in the delegate whose badge carries `code`. A code this congress did not print is 422; a badge of a cancelled
 * or declined registration is 409. The first scan is recorded; any later one (another desk at the same moment
 * included: the insert and the read are one IMMEDIATE transaction) answers when and where that first scan was.
 */
export function checkIn(db: Executor, congressId: number, code: string, desk: string, accountId: number): CheckInResult {
  const delegateId = readBadgeCode(badgeSecret(db, congressId), code);
  if (delegateId === null) throw new ApiFailure(422, 'badgeCode', 'badgeForged');
  return withTransaction(db, (tx) => {
    const delegate = tx
      .select({ id: delegates.id, givenName: delegates.givenName, familyName: delegates.familyName, latinName: delegates.latinName, organisation: delegates.organisation, country: delegates.country, status: delegates.status, category: delegateCategories.code })
      .from(delegates)
      .innerJoin(delegateCategories, eq(delegateCategories.id, delegates.categoryId))
      .where(and(eq(delegates.id, delegateId), eq(delegates.congressId, congressId)))
      .get();
    if (!delegate) throw new ApiFailure(422, 'badgeCode', 'badgeForged');
    if (delegate.status === 'cancelled' || delegate.status === 'declined') throw new ApiFailure(409, 'badgeCode', 'badgeCancelled');
    const inserted = tx.insert(checkIns).values({ delegateId, checkedInAt: nowIso(), desk: desk.trim(), recordedBy: accountId }).onConflictDoNothing().returning().get();
    const record = inserted ?? tx.select().from(checkIns).where(eq(checkIns.delegateId, delegateId)).get()!;
    if (inserted) recordAudit(tx, { actorType: 'account', actorId: accountId, action: 'delegate.check-in', entity: 'delegate', entityId: delegateId, data: { desk: record.desk } });
    return {
      status: inserted ? 'checked-in' : 'already',
      delegate: { id: delegate.id, name: fullName(delegate.givenName, delegate.familyName), latinName: delegate.latinName, organisation: delegate.organisation, country: delegate.country, category: delegate.category },
      checkedInAt: record.checkedInAt,
      desk: record.desk,
    };
  });
}

/** How many have arrived, of the confirmed, and at which desk. */
export function checkInCounts(db: Executor, congressId: number): CheckInCounts {
  const byDesk = db
    .select({ desk: checkIns.desk, count: count() })
    .from(checkIns)
    .innerJoin(delegates, eq(delegates.id, checkIns.delegateId))
    .where(eq(delegates.congressId, congressId))
    .groupBy(checkIns.desk)
    .orderBy(checkIns.desk)
    .all();
  const expected = db.select({ n: count() }).from(delegates).where(and(eq(delegates.congressId, congressId), eq(delegates.status, 'confirmed'))).get()!.n;
  return { checkedIn: byDesk.reduce((sum, row) => sum + row.count, 0), expected, byDesk };
}

/** A delegate's own check-in code (confirmed registrations only, like their printed badge) and when they came in. */
export function myBadge(db: Executor, congressId: number, delegateId: number): MyBadge {
  const delegate = db.select({ status: delegates.status }).from(delegates).where(and(eq(delegates.id, delegateId), eq(delegates.congressId, congressId))).get();
  if (delegate?.status !== 'confirmed') throw new ApiFailure(409, 'status', 'notConfirmed');
  const arrival = db.select({ at: checkIns.checkedInAt }).from(checkIns).where(eq(checkIns.delegateId, delegateId)).get();
  return { badgeCode: badgeCode(badgeSecret(db, congressId), delegateId), checkedInAt: arrival?.at ?? null };
}
