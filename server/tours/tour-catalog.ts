import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { congresses, tourBuses, tourSeats, tours } from '../../db/schema/index.ts';
import type { UiLanguage } from '../../shared/languages.ts';
import type { TourView } from '../../shared/tour-schema.ts';
import type { Executor } from '../database/transaction.ts';
import { inReaderLanguage } from '../../shared/localized-text.ts';
import { congressLanguages } from '../congress/congress-service.ts';

export type TourRow = typeof tours.$inferSelect;
export type BusRow = typeof tourBuses.$inferSelect;

/** The tour's texts in the reader's language, else the congress's own languages, else English. */
export const tourText = (tour: TourRow, language: UiLanguage, congressLanguages: readonly string[]) => ({
  title: inReaderLanguage(tour.title, language, congressLanguages),
  description: inReaderLanguage(tour.description, language, congressLanguages),
  meetingPoint: inReaderLanguage(tour.meetingPoint, language, congressLanguages),
});

export function tourRows(db: Executor, congressId: number): TourRow[] {
  return db.select().from(tours).where(eq(tours.congressId, congressId)).orderBy(asc(tours.sortOrder), asc(tours.id)).all();
}

export function busRows(db: Executor, tourIds: number[]): BusRow[] {
  if (tourIds.length === 0) return [];
  return db.select().from(tourBuses).where(inArray(tourBuses.tourId, tourIds)).orderBy(asc(tourBuses.tourId), asc(tourBuses.sortOrder), asc(tourBuses.id)).all();
}

/** Seats taken on each bus. */
export function seatsTakenByBus(db: Executor, busIds: number[]): Map<number, number> {
  if (busIds.length === 0) return new Map();
  const rows = db.select({ busId: tourSeats.busId, n: count() }).from(tourSeats).where(inArray(tourSeats.busId, busIds)).groupBy(tourSeats.busId).all();
  return new Map(rows.map((row) => [row.busId, row.n]));
}

/** The congress's tours with their buses and the seats taken, in `language`. */
export function tourCatalog(db: Executor, congressId: number, language: UiLanguage): TourView[] {
  const tourList = tourRows(db, congressId);
  const buses = busRows(db, tourList.map((tour) => tour.id));
  const taken = seatsTakenByBus(db, buses.map((bus) => bus.id));
  const languages = congressLanguages(db, congressId);
  return tourList.map((tour) => ({
    id: tour.id,
    code: tour.code,
    ...tourText(tour, language, languages),
    departsAt: tour.departsAt,
    returnsAt: tour.returnsAt,
    buses: buses
      .filter((bus) => bus.tourId === tour.id)
        .map((bus) => ({ id: bus.id, label: inReaderLanguage(bus.label, language, languages), capacity: bus.capacity, guideLanguages: bus.guideLanguages, seatsTaken: taken.get(bus.id) ?? 0 })),
  }));
}

export function tourSettings(db: Executor, congressId: number) {
  return db.select({ choicesCloseAt: congresses.tourChoicesCloseAt, publishedAt: congresses.toursPublishedAt }).from(congresses).where(eq(congresses.id, congressId)).get()!;
}

/** Choices are open until the organisers' deadline, and never after the assignment is published. */
export function choicesOpen(settings: ReturnType<typeof tourSettings>, now = Date.now()): boolean {
  return settings.publishedAt === null && (settings.choicesCloseAt === null || now < Date.parse(settings.choicesCloseAt));
}

/** The bus with its tour, when it belongs to this congress. */
export function findBus(db: Executor, congressId: number, busId: number) {
  return db
    .select({ bus: tourBuses, tour: tours })
    .from(tourBuses)
    .innerJoin(tours, eq(tours.id, tourBuses.tourId))
    .where(and(eq(tourBuses.id, busId), eq(tours.congressId, congressId)))
    .get();
}
