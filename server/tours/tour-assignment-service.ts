import { and, asc, eq, inArray } from 'drizzle-orm';
import { congresses, delegates, tourPreferences, tourSeats } from '../../db/schema/index.ts';
import { fullName } from '../../shared/person-name.ts';
import type { UiLanguage } from '../../shared/languages.ts';
import { congressLanguages } from '../congress/congress-service.ts';
import type { TourAssignmentPreview } from '../../shared/tour-schema.ts';
import { recordAudit } from '../database/audit.ts';
import { nowIso, withTransaction, type Executor, type Transaction } from '../database/transaction.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { assignTours, explainUnassigned } from './engine/assign-tours.ts';
import { busesByTour, type TourProblem } from './engine/tour-problem.ts';
import { busRows, findBus, seatsTakenByBus, tourCatalog, tourRows, tourSettings, tourText } from './tour-catalog.ts';
import { joinWaitlist, promoteFromWaitlist, seatDelegate, seatOf, seatsTaken, speaksWithGuides } from './tour-seats.ts';
import { describeUnassigned } from './unassigned-reason.ts';
import { queueTourSeatMessage } from './tour-messages.ts';

/** The organiser's side: run the optimal assignment on the live choices, adjust it by hand, publish it. */

/** Confirmed delegates with choices, in the order they handed them in: that order breaks ties. */
function choosers(tx: Transaction, congressId: number) {
  const rows = tx
    .select({ delegateId: tourPreferences.delegateId, tourId: tourPreferences.tourId, rank: tourPreferences.rank, submittedAt: tourPreferences.submittedAt, languages: delegates.languages })
    .from(tourPreferences)
    .innerJoin(delegates, eq(delegates.id, tourPreferences.delegateId))
    .where(and(eq(delegates.congressId, congressId), eq(delegates.status, 'confirmed')))
    .orderBy(asc(tourPreferences.submittedAt), asc(tourPreferences.delegateId), asc(tourPreferences.rank))
    .all();
  const byDelegate = new Map<number, { languages: string[]; tourIds: number[] }>();
  for (const row of rows) {
    const entry = byDelegate.get(row.delegateId) ?? { languages: row.languages, tourIds: [] };
    entry.tourIds.push(row.tourId);
    byDelegate.set(row.delegateId, entry);
  }
  return byDelegate;
}

/** The live congress as the engine's problem; `busIds` and `delegateIds` map its indices back to rows. */
function tourProblem(tx: Transaction, congressId: number) {
  const tourList = tourRows(tx, congressId);
  const buses = busRows(tx, tourList.map((tour) => tour.id));
  const tourIndex = new Map(tourList.map((tour, k) => [tour.id, k]));
  const people = [...choosers(tx, congressId)];
  const problem: TourProblem = {
    tourIds: tourList.map((tour) => tour.code),
    busIds: buses.map((bus) => String(bus.id)),
    busTour: Int32Array.from(buses, (bus) => tourIndex.get(bus.tourId)!),
    busCapacity: Int32Array.from(buses, (bus) => bus.capacity),
    busLanguages: buses.map((bus) => bus.guideLanguages),
    delegateIds: people.map(([id]) => String(id)),
    delegateLanguages: people.map(([, entry]) => entry.languages),
    preferences: people.map(([, entry]) => Int32Array.from(entry.tourIds, (id) => tourIndex.get(id)!)),
    order: Int32Array.from(people.keys()),
  };
  return { problem, tourList, buses, people };
}

function refuseWhenPublished(tx: Transaction, congressId: number) {
  if (tourSettings(tx, congressId).publishedAt !== null) throw new ApiFailure(409, 'tours', 'toursPublished');
}

/** Replaces the draft seats with the engine's optimal assignment of the current choices. */
export function runTourAssignment(db: Executor, congressId: number, accountId: number): void {
  withTransaction(db, (tx) => {
    refuseWhenPublished(tx, congressId);
    const { problem, buses, people } = tourProblem(tx, congressId);
    const plan = assignTours(problem);
    const busIds = buses.map((bus) => bus.id);
    if (busIds.length > 0) tx.delete(tourSeats).where(inArray(tourSeats.busId, busIds)).run();
    const seats = people.flatMap(([delegateId], d) => (plan.busOf[d]! >= 0 ? [{ delegateId, busId: buses[plan.busOf[d]!]!.id, rank: plan.rankOf[d]! }] : []));
    // SQLite limits bound parameters per statement: insert in slices.
    for (let k = 0; k < seats.length; k += 500) tx.insert(tourSeats).values(seats.slice(k, k + 500)).run();
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'tour.assignment.run', entity: 'congress', entityId: congressId, data: { placed: plan.placed, rankSum: plan.rankSum } });
  });
}

/** The assignment as it stands (draft or published): figures, buses, and who has no seat and why. */
export function tourAssignmentPreview(db: Executor, congressId: number, language: UiLanguage): TourAssignmentPreview {
  return withTransaction(db, (tx) => {
    const settings = tourSettings(tx, congressId);
    const { problem, tourList, buses, people } = tourProblem(tx, congressId);
    const seated = new Map(tx.select().from(tourSeats).where(inArray(tourSeats.busId, buses.map((bus) => bus.id).concat(-1))).all().map((seat) => [seat.delegateId, seat]));
    const rankHistogram = [0, 0, 0, 0, 0];
    let outsideChoices = 0;
    for (const seat of seated.values()) {
      if (seat.rank === null) outsideChoices++;
      else rankHistogram[seat.rank - 1]!++;
    }
    const taken = seatsTakenByBus(tx, buses.map((bus) => bus.id));
    const free = (busIndex: number) => buses[busIndex]!.capacity - (taken.get(buses[busIndex]!.id) ?? 0);
    const busesOfTour = busesByTour(problem);
    const withoutSeat = people.map(([delegateId], d) => ({ delegateId, d })).filter(({ delegateId }) => !seated.has(delegateId));
    const names = new Map(
      tx
        .select({ id: delegates.id, givenName: delegates.givenName, familyName: delegates.familyName, country: delegates.country })
        .from(delegates)
        .where(inArray(delegates.id, withoutSeat.map((entry) => entry.delegateId).concat(-1)))
        .all()
        .map((row) => [row.id, row]),
    );
    const languages = congressLanguages(tx, congressId);
    const titleOf = (tour: number) => tourText(tourList[tour]!, language, languages).title;
    const unassigned = withoutSeat.map(({ delegateId, d }) => {
      const person = names.get(delegateId)!;
      return { delegateId, name: fullName(person.givenName, person.familyName), country: person.country, reason: describeUnassigned(explainUnassigned(problem, d, free, busesOfTour), language, titleOf) };
    });
    const placed = [...seated.keys()].filter((id) => people.some(([delegateId]) => delegateId === id)).length;
    return {
      published: settings.publishedAt !== null,
      publishedAt: settings.publishedAt,
      choicesCloseAt: settings.choicesCloseAt,
      delegatesWithChoices: people.length,
      placed,
      rankHistogram,
      outsideChoices,
      firstChoiceShare: people.length === 0 ? 0 : rankHistogram[0]! / people.length,
      tours: tourCatalog(tx, congressId, language),
      unassigned,
    };
  });
}

/**
 * Moves a delegate to a bus (or off the tours with `busId` null), checked against the bus's seats and its guides'
 * languages. After publishing, a freed seat goes to the waiting list. Returns the delegates whose seat changed.
 */
export function moveDelegateSeat(db: Executor, congressId: number, delegateId: number, busId: number | null, accountId: number): number[] {
  return withTransaction(db, (tx) => {
    const person = tx.select({ status: delegates.status, languages: delegates.languages }).from(delegates).where(and(eq(delegates.id, delegateId), eq(delegates.congressId, congressId))).get();
    if (!person) throw new ApiFailure(404, 'delegate', 'notFound');
    const before = seatOf(tx, delegateId);
    const published = tourSettings(tx, congressId).publishedAt !== null;
    const changed = [delegateId];
    if (busId === null) {
      tx.delete(tourSeats).where(eq(tourSeats.delegateId, delegateId)).run();
    } else {
      if (person.status !== 'confirmed') throw new ApiFailure(409, 'delegate', 'notConfirmed');
      const found = findBus(tx, congressId, busId);
      if (!found) throw new ApiFailure(422, 'bus', 'unknownBus');
      if (before?.busId === busId) return [];
      if (!speaksWithGuides(person.languages, found.bus)) throw new ApiFailure(422, 'bus', 'guideLanguage', { languages: found.bus.guideLanguages.join(', ') });
      if (seatsTaken(tx, busId) >= found.bus.capacity) throw new ApiFailure(409, 'bus', 'busFull', { capacity: found.bus.capacity });
      seatDelegate(tx, delegateId, found.bus);
    }
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'tour.seat.move', entity: 'delegate', entityId: delegateId, data: { from: before?.busId ?? null, to: busId } });
    // Once seats are published, a delegate moved to another bus hears of their new seat.
    if (published && busId !== null) queueTourSeatMessage(tx, delegateId);
    if (published && before && before.busId !== busId) {
      const promoted = promoteFromWaitlist(tx, findBus(tx, congressId, before.busId)!.bus);
      if (promoted !== null) changed.push(promoted);
    }
    return changed;
  });
}

/**
 * Publishes the assignment: delegates see their seats, choices close, and everyone without a seat joins the
 * waiting list of each tour they chose whose guides they understand, in the order choices were handed in.
 * Returns every delegate with choices (their pages change).
 */
export function publishTours(db: Executor, congressId: number, accountId: number): number[] {
  return withTransaction(db, (tx) => {
    refuseWhenPublished(tx, congressId);
    const { buses, people } = tourProblem(tx, congressId);
    for (const [delegateId, entry] of people) {
      if (seatOf(tx, delegateId)) continue;
      for (const tourId of entry.tourIds) {
        if (buses.some((bus) => bus.tourId === tourId && speaksWithGuides(entry.languages, bus))) joinWaitlist(tx, delegateId, tourId);
      }
    }
    tx.update(congresses).set({ toursPublishedAt: nowIso() }).where(eq(congresses.id, congressId)).run();
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'tour.assignment.publish', entity: 'congress', entityId: congressId, data: null });
    const seated = tx.select({ delegateId: tourSeats.delegateId }).from(tourSeats).where(inArray(tourSeats.busId, buses.map((bus) => bus.id).concat(-1))).all();
    for (const { delegateId } of seated) queueTourSeatMessage(tx, delegateId);
    return people.map(([delegateId]) => delegateId);
  });
}

export function setTourChoicesDeadline(db: Executor, congressId: number, closeAt: string | null, accountId: number): void {
  withTransaction(db, (tx) => {
    tx.update(congresses).set({ tourChoicesCloseAt: closeAt }).where(eq(congresses.id, congressId)).run();
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'tour.choices.deadline', entity: 'congress', entityId: congressId, data: { closeAt } });
  });
}
