import { and, asc, eq } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import { delegates, tourSeats } from '../../db/schema/index.ts';
import { countryName } from '../../shared/countries.ts';
import { languageNames, type UiLanguage } from '../../shared/languages.ts';
import { fullName } from '../../shared/person-name.ts';
import type { BusManifest } from '../../shared/tour-schema.ts';
import { recordAudit } from '../database/audit.ts';
import { nowIso, withTransaction, type Executor } from '../database/transaction.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { translatorFor } from '../i18n/translator.ts';
import { eventClockCell, neutraliseCell, timeHeading } from '../registration/delegate-csv.ts';
import { findBus, tourCatalog } from './tour-catalog.ts';
import { congressTimeZone } from '../congress/congress-service.ts';

/** Who rides a bus, for the printed manifest, the CSV and the boarding check on the day. */
export function busManifest(db: Executor, congressId: number, busId: number, language: UiLanguage): BusManifest {
  return withTransaction(db, (tx) => {
    const found = findBus(tx, congressId, busId);
    if (!found) throw new ApiFailure(404, 'bus', 'unknownBus');
    const tour = tourCatalog(tx, congressId, language).find((view) => view.id === found.tour.id)!;
    const passengers = tx
      .select({ id: delegates.id, givenName: delegates.givenName, familyName: delegates.familyName, country: delegates.country, languages: delegates.languages, phone: delegates.phone, boardedAt: tourSeats.boardedAt })
      .from(tourSeats)
      .innerJoin(delegates, eq(delegates.id, tourSeats.delegateId))
      .where(eq(tourSeats.busId, busId))
      .orderBy(asc(delegates.familyName), asc(delegates.givenName))
      .all();
    return {
      tour,
      bus: tour.buses.find((bus) => bus.id === busId)!,
      passengers: passengers.map((row) => ({ delegateId: row.id, name: fullName(row.givenName, row.familyName), country: row.country, languages: row.languages, phone: row.phone, boardedAt: row.boardedAt })),
    };
  });
}

const columns = ['name', 'country', 'languages', 'phone', 'boarded'] as const;

/** The manifest as CSV for Excel (UTF-8 with a byte-order mark), headings in `language`. */
export function busManifestCsv(manifest: BusManifest, language: UiLanguage, timeZone: string): string {
  const t = translatorFor(language);
  const header = columns.map((column) => (column === 'boarded' ? timeHeading(t(`tours:manifest.${column}`), timeZone) : t(`tours:manifest.${column}`)));
  const rows = manifest.passengers.map((row) => [row.name, countryName(row.country, language), languageNames(row.languages, language), row.phone ?? '', eventClockCell(row.boardedAt, timeZone)].map(neutraliseCell));
  return stringify([header, ...rows], { bom: true, record_delimiter: 'windows' });
}

/** The passenger's seat on the bus, or a refusal naming the bus or the delegate. */
function seatOnBus(tx: Executor, congressId: number, busId: number, delegateId: number) {
  if (!findBus(tx, congressId, busId)) throw new ApiFailure(404, 'bus', 'unknownBus');
  const seat = tx.select().from(tourSeats).where(and(eq(tourSeats.delegateId, delegateId), eq(tourSeats.busId, busId))).get();
  if (!seat) throw new ApiFailure(422, 'delegate', 'notOnBus');
  return seat;
}

/** Ticks a passenger off at the bus door; a second tick says when the first was. */
export function boardPassenger(db: Executor, congressId: number, busId: number, delegateId: number, accountId: number): { boardedAt: string } {
  return withTransaction(db, (tx) => {
    const seat = seatOnBus(tx, congressId, busId, delegateId);
    if (seat.boardedAt) throw new ApiFailure(409, 'delegate', 'alreadyBoarded', { at: new Date(seat.boardedAt), formatParams: { at: { timeZone: congressTimeZone(tx, congressId) } } });
    const boardedAt = nowIso();
    tx.update(tourSeats).set({ boardedAt, boardedBy: accountId }).where(eq(tourSeats.delegateId, delegateId)).run();
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'tour.board', entity: 'delegate', entityId: delegateId, data: { busId } });
    return { boardedAt };
  });
}

/** Takes a boarding tick back: a wrong tick at the door, undone on the spot. */
export function unboardPassenger(db: Executor, congressId: number, busId: number, delegateId: number, accountId: number): void {
  withTransaction(db, (tx) => {
    const seat = seatOnBus(tx, congressId, busId, delegateId);
    if (!seat.boardedAt) throw new ApiFailure(409, 'delegate', 'notBoarded');
    tx.update(tourSeats).set({ boardedAt: null, boardedBy: null }).where(eq(tourSeats.delegateId, delegateId)).run();
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'tour.unboard', entity: 'delegate', entityId: delegateId, data: { busId, boardedAt: seat.boardedAt } });
  });
}
