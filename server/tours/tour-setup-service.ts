import { and, asc, count, eq, max } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { congressDays, congresses, delegates, tourBuses, tourPreferences, tourSeats, tourWaitlist, tours } from '../../db/schema/index.ts';
import { fullName } from '../../shared/person-name.ts';
import type { BusBody, BusChanged, BusPatch, TourAsStored, TourBody, TourPatch } from '../../shared/tour-setup-schema.ts';
import { recordAudit } from '../database/audit.ts';
import { withTransaction, type Executor, type Transaction } from '../database/transaction.ts';
import { ApiFailure, calendarDay } from '../http/api-failure.ts';
import { checkLanguageTags } from '../http/reference-checks.ts';
import { busRows, findBus, seatsTakenByBus, tourRows, tourSettings, type BusRow, type TourRow } from './tour-catalog.ts';
import { promoteFromWaitlist, seatsTaken, speaksWithGuides } from './tour-seats.ts';

/** The organisers' set-up of cluster tours and their buses; every change is checked against the seats already given. */

function storedTour(tx: Executor, tour: TourRow): TourAsStored {
  const buses = busRows(tx, [tour.id]);
  const taken = seatsTakenByBus(tx, buses.map((bus) => bus.id));
  return {
    code: tour.code,
    title: tour.title,
    description: tour.description,
    meetingPoint: tour.meetingPoint,
    departsAt: tour.departsAt,
    returnsAt: tour.returnsAt,
    buses: buses.map((bus) => ({ id: bus.id, label: bus.label, capacity: bus.capacity, guideLanguages: bus.guideLanguages, seatsTaken: taken.get(bus.id) ?? 0 })),
    chosenBy: tx.select({ n: count() }).from(tourPreferences).where(eq(tourPreferences.tourId, tour.id)).get()!.n,
    waiting: tx.select({ n: count() }).from(tourWaitlist).where(eq(tourWaitlist.tourId, tour.id)).get()!.n,
  };
}

/** Every tour of the edition with all its texts and buses, in the order delegates see them. */
export function toursAsStored(db: Executor, congressId: number): TourAsStored[] {
  return withTransaction(db, (tx) => tourRows(tx, congressId).map((tour) => storedTour(tx, tour)));
}

function tourByCode(tx: Transaction, congressId: number, code: string): TourRow {
  const tour = tx.select().from(tours).where(and(eq(tours.congressId, congressId), eq(tours.code, code))).get();
  if (!tour) throw new ApiFailure(404, 'tour', 'unknownTour', { code });
  return tour;
}

/**
 * A departure and return on the edition's clock: the return after the departure, the departure on one of the
 * edition's days. Stored with the zone's offset at that instant, as every time of the edition is.
 */
function tourTimes(tx: Transaction, congressId: number, departsAt: string, returnsAt: string) {
  const { timeZone } = tx.select({ timeZone: congresses.timeZone }).from(congresses).where(eq(congresses.id, congressId)).get()!;
  const departs = DateTime.fromISO(departsAt, { setZone: true }).setZone(timeZone);
  const returns = DateTime.fromISO(returnsAt, { setZone: true }).setZone(timeZone);
  if (returns <= departs) throw new ApiFailure(422, 'returnsAt', 'endBeforeStart');
  const date = departs.toISODate()!;
  const day = tx.select({ id: congressDays.id }).from(congressDays).where(and(eq(congressDays.congressId, congressId), eq(congressDays.date, date))).get();
  if (!day) throw new ApiFailure(422, 'departsAt', 'notCongressDay', { date: calendarDay(date) });
  return { departsAt: departs.toISO({ suppressMilliseconds: true })!, returnsAt: returns.toISO({ suppressMilliseconds: true })! };
}

/** `tour.…` actions are about a tour, `tour.bus.…` ones about a bus. */
const audit = (tx: Transaction, congressId: number, accountId: number, action: string, entityId: number, data: Record<string, unknown>) =>
  recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action, entity: action.split('.')[1] === 'bus' ? 'tour_bus' : 'tour', entityId, data });

/** Codes that would read as one of the tour routes' own words (`/api/tours/settings`). */
const reservedTourCodes = new Set(['assignment', 'buses', 'settings', 'setup']);

/** Adds a tour after the others; a code the edition already uses is refused. */
export function createTour(db: Executor, congressId: number, body: TourBody, accountId: number): TourAsStored {
  if (reservedTourCodes.has(body.code)) throw new ApiFailure(422, 'code', 'codeReserved', { code: body.code });
  return withTransaction(db, (tx) => {
    if (tx.select({ id: tours.id }).from(tours).where(and(eq(tours.congressId, congressId), eq(tours.code, body.code))).get()) {
      throw new ApiFailure(409, 'code', 'codeTaken', { code: body.code });
    }
    const times = tourTimes(tx, congressId, body.departsAt, body.returnsAt);
    const last = tx.select({ order: max(tours.sortOrder) }).from(tours).where(eq(tours.congressId, congressId)).get()!.order;
    const row = tx
      .insert(tours)
      .values({ congressId, code: body.code, title: body.title, description: body.description ?? {}, meetingPoint: body.meetingPoint, ...times, sortOrder: (last ?? -1) + 1 })
      .returning()
      .get();
    audit(tx, congressId, accountId, 'tour.create', row.id, { code: row.code });
    return storedTour(tx, row);
  });
}

/** Changes a tour's texts or times; returns it with the delegates seated on it, whose pages show the change. */
export function updateTour(db: Executor, congressId: number, code: string, patch: TourPatch, accountId: number): { tour: TourAsStored; seated: number[] } {
  return withTransaction(db, (tx) => {
    const tour = tourByCode(tx, congressId, code);
    const times = patch.departsAt !== undefined || patch.returnsAt !== undefined ? tourTimes(tx, congressId, patch.departsAt ?? tour.departsAt, patch.returnsAt ?? tour.returnsAt) : {};
    const { departsAt: _departs, returnsAt: _returns, ...texts } = patch;
    const row = tx.update(tours).set({ ...texts, ...times }).where(eq(tours.id, tour.id)).returning().get();
    audit(tx, congressId, accountId, 'tour.update', tour.id, { code, fields: Object.keys(patch) });
    return { tour: storedTour(tx, row), seated: seatedOnTour(tx, tour.id) };
  });
}

function seatedOnTour(tx: Transaction, tourId: number): number[] {
  return tx
    .select({ delegateId: tourSeats.delegateId })
    .from(tourSeats)
    .innerJoin(tourBuses, eq(tourBuses.id, tourSeats.busId))
    .where(eq(tourBuses.tourId, tourId))
    .all()
    .map((seat) => seat.delegateId);
}

/** Removes a tour nobody chose, holds a seat on or waits for; otherwise says how many do. */
export function deleteTour(db: Executor, congressId: number, code: string, accountId: number): void {
  withTransaction(db, (tx) => {
    const tour = tourByCode(tx, congressId, code);
    const involved = new Set([
      ...seatedOnTour(tx, tour.id),
      ...tx.select({ id: tourPreferences.delegateId }).from(tourPreferences).where(eq(tourPreferences.tourId, tour.id)).all().map((row) => row.id),
      ...tx.select({ id: tourWaitlist.delegateId }).from(tourWaitlist).where(eq(tourWaitlist.tourId, tour.id)).all().map((row) => row.id),
    ]);
    if (involved.size > 0) throw new ApiFailure(409, 'tour', 'tourInUse', { count: involved.size });
    tx.delete(tourBuses).where(eq(tourBuses.tourId, tour.id)).run();
    tx.delete(tours).where(eq(tours.id, tour.id)).run();
    audit(tx, congressId, accountId, 'tour.delete', tour.id, { code });
  });
}

/** Once the assignment is published, seats a bus gains go to the tour's waiting list in order. */
function fillFreeSeats(tx: Transaction, congressId: number, bus: BusRow): number[] {
  if (tourSettings(tx, congressId).publishedAt === null) return [];
  const promoted: number[] = [];
  while (seatsTaken(tx, bus.id) < bus.capacity) {
    const next = promoteFromWaitlist(tx, bus);
    if (next === null) break;
    promoted.push(next);
  }
  return promoted;
}

/** Adds a bus at the end of the tour's buses. */
export function addBus(db: Executor, congressId: number, tourCode: string, body: BusBody, accountId: number): BusChanged {
  checkLanguageTags('guideLanguages', body.guideLanguages);
  return withTransaction(db, (tx) => {
    const tour = tourByCode(tx, congressId, tourCode);
    const last = tx.select({ order: max(tourBuses.sortOrder) }).from(tourBuses).where(eq(tourBuses.tourId, tour.id)).get()!.order;
    const bus = tx
      .insert(tourBuses)
      .values({ tourId: tour.id, label: body.label, capacity: body.capacity, guideLanguages: body.guideLanguages, sortOrder: (last ?? -1) + 1 })
      .returning()
      .get();
    audit(tx, congressId, accountId, 'tour.bus.create', bus.id, { tour: tour.code, label: bus.label, capacity: bus.capacity });
    const promoted = fillFreeSeats(tx, congressId, bus);
    return { tour: storedTour(tx, tour), promoted };
  });
}

function busOfCongress(tx: Transaction, congressId: number, busId: number) {
  const found = findBus(tx, congressId, busId);
  if (!found) throw new ApiFailure(404, 'bus', 'unknownBus');
  return found;
}

function passengers(tx: Transaction, busId: number) {
  return tx
    .select({ givenName: delegates.givenName, familyName: delegates.familyName, languages: delegates.languages })
    .from(tourSeats)
    .innerJoin(delegates, eq(delegates.id, tourSeats.delegateId))
    .where(eq(tourSeats.busId, busId))
    .orderBy(asc(delegates.familyName), asc(delegates.givenName))
    .all();
}

/**
 * Changes a bus's label, seats or guides. Fewer seats than passengers, or guides that a seated passenger
 * cannot follow, are refused naming how many passengers the change would strand.
 */
export function updateBus(db: Executor, congressId: number, busId: number, patch: BusPatch, accountId: number): BusChanged {
  if (patch.guideLanguages) checkLanguageTags('guideLanguages', patch.guideLanguages);
  return withTransaction(db, (tx) => {
    const { bus, tour } = busOfCongress(tx, congressId, busId);
    const onBoard = passengers(tx, bus.id);
    if (patch.capacity !== undefined && patch.capacity < onBoard.length) throw new ApiFailure(409, 'capacity', 'fewerSeatsThanPassengers', { passengers: onBoard.length });
    if (patch.guideLanguages) {
      const guided = { ...bus, guideLanguages: patch.guideLanguages };
      const stranded = onBoard.filter((person) => !speaksWithGuides(person.languages, guided));
      if (stranded.length > 0) {
        throw new ApiFailure(409, 'guideLanguages', 'passengersWithoutGuide', { count: stranded.length, name: fullName(stranded[0]!.givenName, stranded[0]!.familyName) });
      }
    }
    const row = tx
      .update(tourBuses)
      .set(patch)
      .where(eq(tourBuses.id, bus.id))
      .returning()
      .get();
    audit(tx, congressId, accountId, 'tour.bus.update', bus.id, { tour: tour.code, label: row.label, fields: Object.keys(patch) });
    const promoted = fillFreeSeats(tx, congressId, row);
    return { tour: storedTour(tx, tour), promoted };
  });
}

/** Removes a bus nobody has a seat on. */
export function removeBus(db: Executor, congressId: number, busId: number, accountId: number): TourAsStored {
  return withTransaction(db, (tx) => {
    const { bus, tour } = busOfCongress(tx, congressId, busId);
    const onBoard = passengers(tx, bus.id).length;
    if (onBoard > 0) throw new ApiFailure(409, 'bus', 'busHasPassengers', { count: onBoard });
    tx.delete(tourBuses).where(eq(tourBuses.id, bus.id)).run();
    audit(tx, congressId, accountId, 'tour.bus.delete', bus.id, { tour: tour.code, label: bus.label });
    return storedTour(tx, tour);
  });
}

