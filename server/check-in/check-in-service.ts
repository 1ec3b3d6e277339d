import { and, count, eq, inArray } from 'drizzle-orm';
import { checkIns, delegateCategories, delegates } from '../../db/schema/index.ts';
import type { ArrivalCandidate, CheckInCounts, CheckInResult, MyBadge } from '../../shared/check-in-schema.ts';
import type { AppDatabase } from '../database/connection.ts';
import { findDelegates } from '../registration/delegate-directory.ts';
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
  return checkInDelegate(db, congressId, delegateId, desk, accountId, 'badgeCode');
}

/**
 * Checks in a delegate the desk found by name (no badge, no phone), with the same rules as a scan:
 * an unknown delegate is 404, a cancelled or declined registration 409.
 */
export function checkInByName(db: Executor, congressId: number, delegateId: number, desk: string, accountId: number): CheckInResult {
  return checkInDelegate(db, congressId, delegateId, desk, accountId, 'delegate');
}

function checkInDelegate(db: Executor, congressId: number, delegateId: number, desk: string, accountId: number, field: 'badgeCode' | 'delegate'): CheckInResult {
  return withTransaction(db, (tx) => {
    const delegate = tx
      .select({ id: delegates.id, givenName: delegates.givenName, familyName: delegates.familyName, latinName: delegates.latinName, organisation: delegates.organisation, country: delegates.country, status: delegates.status, category: delegateCategories.code })
      .from(delegates)
      .innerJoin(delegateCategories, eq(delegateCategories.id, delegates.categoryId))
      .where(and(eq(delegates.id, delegateId), eq(delegates.congressId, congressId)))
      .get();
    if (!delegate) throw field === 'badgeCode' ? new ApiFailure(422, field, 'badgeForged') : new ApiFailure(404, field, 'notFound');
    if (delegate.status === 'cancelled' || delegate.status === 'declined') throw new ApiFailure(409, field, 'badgeCancelled');
    const inserted = tx.insert(checkIns).values({ delegateId, checkedInAt: nowIso(), desk: desk.trim(), recordedBy: accountId }).onConflictDoNothing().returning().get();
    const record = inserted ?? tx.select().from(checkIns).where(eq(checkIns.delegateId, delegateId)).get()!;
    if (inserted) recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'delegate.check-in', entity: 'delegate', entityId: delegateId, data: { desk: record.desk, by: field === 'badgeCode' ? 'badge' : 'name' } });
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

/** Delegates whose name (in either order, or in Latin letters), email or organisation matches `q`, for a desk without a badge to scan. */
export function findArrivals(db: AppDatabase, congressId: number, q: string): ArrivalCandidate[] {
  const { items } = findDelegates(db, congressId, { q }, { limit: 10, offset: 0 });
  const arrivals = new Map(
    items.length === 0
      ? []
      : db
          .select({ delegateId: checkIns.delegateId, at: checkIns.checkedInAt })
          .from(checkIns)
          .where(inArray(checkIns.delegateId, items.map((item) => item.id)))
          .all()
          .map((row) => [row.delegateId, row.at]),
  );
  return items.map((item) => ({
    id: item.id,
    name: fullName(item.givenName, item.familyName),
    latinName: item.latinName,
    organisation: item.organisation,
    country: item.country,
    category: item.category,
    status: item.status,
    checkedInAt: arrivals.get(item.id) ?? null,
  }));
}
