import { asc, eq } from 'drizzle-orm';
import { delegates, tourPreferences, tourSeats } from '../../db/schema/index.ts';
import type { UiLanguage } from '../../shared/languages.ts';
import type { MyTours, SeatRequestAnswer, TourSeat } from '../../shared/tour-schema.ts';
import { congressOfDelegate, recordAudit } from '../database/audit.ts';
import { nowIso, withTransaction, type Executor, type Transaction } from '../database/transaction.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { refuseUnlessPlaceable } from '../registration/place-eligibility.ts';
import { inReaderLanguage } from '../../shared/localized-text.ts';
import { congressLanguages } from '../congress/congress-service.ts';
import { busRows, choicesOpen, tourCatalog, tourRows, tourSettings } from './tour-catalog.ts';
import { freeBusFor, joinWaitlist, promoteFromWaitlist, seatDelegate, seatOf, speaksWithGuides, tourOfBus, waitlistPositions } from './tour-seats.ts';

/** A delegate's own side of the tours: ranking them, and after publishing their seat, the waiting list and cancelling. */

function delegateRow(tx: Transaction, delegateId: number) {
  const row = tx.select({ status: delegates.status, languages: delegates.languages }).from(delegates).where(eq(delegates.id, delegateId)).get();
  if (!row) throw new ApiFailure(404, 'delegate', 'notFound');
  return row;
}

function seatView(tx: Transaction, congressId: number, delegateId: number, language: UiLanguage): TourSeat | null {
  const seat = seatOf(tx, delegateId);
  if (!seat) return null;
  const { bus, tour } = tourOfBus(tx, seat.busId);
  return { tour: tour.code, busId: bus.id, busLabel: inReaderLanguage(bus.label, language, congressLanguages(tx, congressId)), rank: seat.rank, boardedAt: seat.boardedAt };
}

export function myTours(db: Executor, congressId: number, delegateId: number, language: UiLanguage): MyTours {
  return withTransaction(db, (tx) => {
    const settings = tourSettings(tx, congressId);
    const tourList = tourRows(tx, congressId);
    const codeOf = new Map(tourList.map((tour) => [tour.id, tour.code]));
    const choices = tx.select({ tourId: tourPreferences.tourId }).from(tourPreferences).where(eq(tourPreferences.delegateId, delegateId)).orderBy(asc(tourPreferences.rank)).all();
    const published = settings.publishedAt !== null;
    return {
      tours: tourCatalog(tx, congressId, language),
      choices: choices.map((choice) => codeOf.get(choice.tourId)!),
      choicesOpen: choicesOpen(settings),
      choicesCloseAt: settings.choicesCloseAt,
      published,
      // Before publishing, seats are the organisers' draft.
      seat: published ? seatView(tx, congressId, delegateId, language) : null,
      waitlist: published ? waitlistPositions(tx, delegateId).map((entry) => ({ tour: codeOf.get(entry.tourId)!, position: entry.position })) : [],
    };
  });
}

/** Replaces the delegate's ranked choices (tour codes, best first) while choices are open. */
export function setTourChoices(db: Executor, congressId: number, delegateId: number, codes: string[]): void {
  withTransaction(db, (tx) => {
    refuseUnlessPlaceable(delegateRow(tx, delegateId).status, 'tours');
    if (!choicesOpen(tourSettings(tx, congressId))) throw new ApiFailure(409, 'tours', 'tourChoicesClosed');
    const idOf = new Map(tourRows(tx, congressId).map((tour) => [tour.code, tour.id]));
    const tourIds = codes.map((code, k) => {
      const id = idOf.get(code);
      if (id === undefined) throw new ApiFailure(422, `tours[${k}]`, 'unknownTour', { code });
      return id;
    });
    tx.delete(tourPreferences).where(eq(tourPreferences.delegateId, delegateId)).run();
    const submittedAt = nowIso();
    if (tourIds.length > 0) tx.insert(tourPreferences).values(tourIds.map((tourId, k) => ({ delegateId, tourId, rank: k + 1, submittedAt }))).run();
    recordAudit(tx, { congressId, actorType: 'delegate', actorId: delegateId, action: 'tour.choices', entity: 'delegate', entityId: delegateId, data: { tours: codes } });
  });
}

/**
 * After publishing: a seat on a tour with room (first come, first served), or a place on its waiting list.
 * The count of seats and the insert run in one transaction with nothing awaited between them.
 */
export function requestSeat(db: Executor, congressId: number, delegateId: number, code: string, language: UiLanguage): SeatRequestAnswer {
  return withTransaction(db, (tx) => {
    const { status, languages } = delegateRow(tx, delegateId);
    refuseUnlessPlaceable(status, 'tour');
    if (tourSettings(tx, congressId).publishedAt === null) throw new ApiFailure(409, 'tour', 'toursNotPublished');
    const tour = tourRows(tx, congressId).find((row) => row.code === code);
    if (!tour) throw new ApiFailure(422, 'tour', 'unknownTour', { code });
    if (seatOf(tx, delegateId)) throw new ApiFailure(409, 'tour', 'alreadySeated');
    // A pending delegate queues like everyone and is seated once approved, if their turn has come.
    const bus = status === 'confirmed' ? freeBusFor(tx, tour.id, languages) : undefined;
    if (bus) {
      seatDelegate(tx, delegateId, bus);
      recordAudit(tx, { congressId, actorType: 'delegate', actorId: delegateId, action: 'tour.seat.take', entity: 'delegate', entityId: delegateId, data: { busId: bus.id } });
      return { outcome: 'seated', seat: seatView(tx, congressId, delegateId, language), position: null };
    }
    const anyGuide = busRows(tx, [tour.id]).some((row) => speaksWithGuides(languages, row));
    if (!anyGuide) throw new ApiFailure(422, 'tour', 'noGuideLanguage');
    joinWaitlist(tx, delegateId, tour.id);
    recordAudit(tx, { congressId, actorType: 'delegate', actorId: delegateId, action: 'tour.waitlist.join', entity: 'delegate', entityId: delegateId, data: { tourId: tour.id } });
    const position = waitlistPositions(tx, delegateId).find((entry) => entry.tourId === tour.id)!.position;
    return { outcome: 'waitlisted', seat: null, position };
  });
}

/**
 * Gives up the delegate's seat; the first suitable delegate on that tour's waiting list moves in, in the same
 * transaction. Returns the delegates whose seat changed (for the live channel).
 */
export function releaseSeat(db: Executor, delegateId: number, actor: { type: 'delegate' | 'account'; id: number }): number[] {
  return withTransaction(db, (tx) => {
    const seat = seatOf(tx, delegateId);
    if (!seat) return [];
    tx.delete(tourSeats).where(eq(tourSeats.delegateId, delegateId)).run();
    recordAudit(tx, { congressId: congressOfDelegate(tx, delegateId), actorType: actor.type, actorId: actor.id, action: 'tour.seat.release', entity: 'delegate', entityId: delegateId, data: { busId: seat.busId } });
    const promoted = promoteFromWaitlist(tx, tourOfBus(tx, seat.busId).bus);
    return promoted === null ? [delegateId] : [delegateId, promoted];
  });
}
