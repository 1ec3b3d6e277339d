import { and, asc, count, eq, lte } from 'drizzle-orm';
import { delegates, tourBuses, tourPreferences, tourSeats, tourWaitlist, tours } from '../../db/schema/index.ts';
import { congressOfDelegate, recordAudit } from '../database/audit.ts';
import { nowIso, type Transaction } from '../database/transaction.ts';
import type { BusRow } from './tour-catalog.ts';
import { queueTourSeatMessage } from './tour-messages.ts';

/** Seat look-ups and changes shared by the organiser's moves, delegates' requests and cancellations; all run inside a caller's transaction. */

export const speaksWithGuides = (languages: string[], bus: BusRow) => bus.guideLanguages.some((language) => languages.includes(language));

export function seatOf(tx: Transaction, delegateId: number) {
  return tx.select().from(tourSeats).where(eq(tourSeats.delegateId, delegateId)).get();
}

export function seatsTaken(tx: Transaction, busId: number): number {
  return tx.select({ n: count() }).from(tourSeats).where(eq(tourSeats.busId, busId)).get()!.n;
}

/** Which of the delegate's choices the tour is (1 = first), or null. */
export function rankOfTour(tx: Transaction, delegateId: number, tourId: number): number | null {
  return tx.select({ rank: tourPreferences.rank }).from(tourPreferences).where(and(eq(tourPreferences.delegateId, delegateId), eq(tourPreferences.tourId, tourId))).get()?.rank ?? null;
}

/** Seats the delegate on the bus and takes them off every waiting list. The caller has checked seats and languages. */
export function seatDelegate(tx: Transaction, delegateId: number, bus: BusRow): void {
  const rank = rankOfTour(tx, delegateId, bus.tourId);
  tx.insert(tourSeats).values({ delegateId, busId: bus.id, rank }).onConflictDoUpdate({ target: tourSeats.delegateId, set: { busId: bus.id, rank, boardedAt: null, boardedBy: null } }).run();
  tx.delete(tourWaitlist).where(eq(tourWaitlist.delegateId, delegateId)).run();
}

/** A bus of the tour with a free seat and a guide the delegate understands, in the order buses fill; or undefined. */
export function freeBusFor(tx: Transaction, tourId: number, languages: string[]): BusRow | undefined {
  const buses = tx.select().from(tourBuses).where(eq(tourBuses.tourId, tourId)).orderBy(asc(tourBuses.sortOrder), asc(tourBuses.id)).all();
  return buses.find((bus) => speaksWithGuides(languages, bus) && seatsTaken(tx, bus.id) < bus.capacity);
}

/** Places in line on each tour's waiting list the delegate is on (1 = next). */
export function waitlistPositions(tx: Transaction, delegateId: number): { tourId: number; position: number }[] {
  return tx
    .select()
    .from(tourWaitlist)
    .where(eq(tourWaitlist.delegateId, delegateId))
    .all()
    .map((entry) => ({
      tourId: entry.tourId,
      position: tx.select({ n: count() }).from(tourWaitlist).where(and(eq(tourWaitlist.tourId, entry.tourId), lte(tourWaitlist.id, entry.id))).get()!.n,
    }));
}

export function joinWaitlist(tx: Transaction, delegateId: number, tourId: number): void {
  tx.insert(tourWaitlist).values({ tourId, delegateId, joinedAt: nowIso() }).onConflictDoNothing().run();
}

/**
 * Gives a freed seat on `bus` to the first delegate in its tour's waiting list who understands one of its guides.
 * Returns who moved in, if anyone.
 */
export function promoteFromWaitlist(tx: Transaction, bus: BusRow): number | null {
  const line = tx
    .select({ delegateId: tourWaitlist.delegateId, languages: delegates.languages })
    .from(tourWaitlist)
    .innerJoin(delegates, eq(delegates.id, tourWaitlist.delegateId))
    .where(and(eq(tourWaitlist.tourId, bus.tourId), eq(delegates.status, 'confirmed')))
    .orderBy(asc(tourWaitlist.id))
    .all();
  const next = line.find((entry) => speaksWithGuides(entry.languages, bus));
  if (!next) return null;
  seatDelegate(tx, next.delegateId, bus);
  recordAudit(tx, { congressId: congressOfDelegate(tx, next.delegateId), actorType: 'system', actorId: null, action: 'tour.seat.fromWaitlist', entity: 'delegate', entityId: next.delegateId, data: { busId: bus.id } });
  queueTourSeatMessage(tx, next.delegateId);
  return next.delegateId;
}

/**
 * Fills the free seats of every tour the delegate waits for, each from the front of its line (confirmed delegates
 * who understand a guide): once a pending delegate is approved, their turn may have come. Returns who was seated.
 */
export function fillFreeSeatsFor(tx: Transaction, delegateId: number): number[] {
  const waitedFor = tx.select({ tourId: tourWaitlist.tourId }).from(tourWaitlist).where(eq(tourWaitlist.delegateId, delegateId)).all();
  const seated: number[] = [];
  for (const { tourId } of waitedFor) {
    for (const bus of tx.select().from(tourBuses).where(eq(tourBuses.tourId, tourId)).orderBy(asc(tourBuses.sortOrder), asc(tourBuses.id)).all()) {
      while (seatsTaken(tx, bus.id) < bus.capacity) {
        const next = promoteFromWaitlist(tx, bus);
        if (next === null) break;
        seated.push(next);
      }
    }
  }
  return seated;
}

export function tourOfBus(tx: Transaction, busId: number) {
  return tx.select({ bus: tourBuses, tour: tours }).from(tourBuses).innerJoin(tours, eq(tours.id, tourBuses.tourId)).where(eq(tourBuses.id, busId)).get()!;
}
