import { and, asc, count, desc, eq, gte, inArray, isNotNull, lte, max, min, sql } from 'drizzle-orm';
import { delegates } from '../../db/schema/index.ts';
import type { BurstCancelBody, RegistrationBurst } from '../../shared/burst-schema.ts';
import type { DelegateStatus } from '../../shared/delegate-status.ts';
import { recordAudit } from '../database/audit.ts';
import type { AppDatabase } from '../database/connection.ts';
import { withTransaction } from '../database/transaction.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { releaseSeat } from '../tours/tour-choices-service.ts';
import { cancelByOrganiser, type StatusChange } from './registration-service.ts';
import type { RegistrationStore } from './registration-store.ts';

const openStatuses: DelegateStatus[] = ['confirmed', 'pending', 'waitlisted'];

/** Addresses that registered at least `minimum` delegates, the most still open first. */
export function findBursts(db: AppDatabase, congressId: number, minimum: number): RegistrationBurst[] {
  const registrations = count();
  const open = sql<number>`sum(case when ${inArray(delegates.status, openStatuses)} then 1 else 0 end)`;
  return db
    .select({
      address: sql<string>`${delegates.registeredFrom}`,
      registrations,
      open,
      firstAt: sql<string>`${min(delegates.createdAt)}`,
      lastAt: sql<string>`${max(delegates.createdAt)}`,
    })
    .from(delegates)
    .where(and(eq(delegates.congressId, congressId), isNotNull(delegates.registeredFrom)))
    .groupBy(delegates.registeredFrom)
    .having(gte(registrations, minimum))
    .orderBy(desc(open), desc(registrations))
    .all();
}

export interface BurstCancellation {
  cancelled: number;
  registrations: StatusChange[];
  tourSeats: number[];
}

/**
 * Cancels, in one transaction, every open registration from the address and/or in the time window. Those on the
 * waiting list go first, so a freed place is never handed to another registration of the same burst; then the others
 * in the order they came, each freed place going to the first real delegate waiting.
 */
export function cancelBurst(store: RegistrationStore, criteria: BurstCancelBody, accountId: number): BurstCancellation {
  if (criteria.address === undefined && (criteria.from === undefined || criteria.to === undefined)) {
    throw new ApiFailure(400, criteria.from === undefined ? 'from' : 'to', 'required');
  }
  if (criteria.from !== undefined && criteria.to !== undefined && criteria.from > criteria.to) throw new ApiFailure(400, 'to', 'endBeforeStart');
  const iso = (text: string) => new Date(text).toISOString();
  return withTransaction(store.db, (tx) => {
    const matching = tx
      .select({ id: delegates.id, status: delegates.status })
      .from(delegates)
      .where(
        and(
          eq(delegates.congressId, store.congressId),
          inArray(delegates.status, openStatuses),
          criteria.address !== undefined ? eq(delegates.registeredFrom, criteria.address) : undefined,
          criteria.from !== undefined ? gte(delegates.createdAt, iso(criteria.from)) : undefined,
          criteria.to !== undefined ? lte(delegates.createdAt, iso(criteria.to)) : undefined,
        ),
      )
      .orderBy(asc(delegates.id))
      .all();
    const ordered = [...matching.filter((row) => row.status === 'waitlisted'), ...matching.filter((row) => row.status !== 'waitlisted')];
    const registrations: StatusChange[] = [];
    const tourSeats: number[] = [];
    for (const { id } of ordered) {
      registrations.push(...cancelByOrganiser(store, id, accountId));
      tourSeats.push(...releaseSeat(tx, id, { type: 'account', id: accountId }));
    }
    if (ordered.length > 0) {
      recordAudit(tx, {
        congressId: store.congressId,
        actorType: 'account',
        actorId: accountId,
        action: 'delegate.cancelBurst',
        entity: 'delegate',
        entityId: ordered[0]!.id,
        data: { ...criteria, cancelled: ordered.length },
      });
    }
    return { cancelled: ordered.length, registrations, tourSeats };
  });
}
