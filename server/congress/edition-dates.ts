import { and, asc, eq, like } from 'drizzle-orm';
import { congressDays, congresses, consultationSlots, programmeSessions, tours } from '../../db/schema/index.ts';
import type { DayBody } from '../../shared/congress-schema.ts';
import { addDays, daysBetween } from '../../shared/event-time.ts';
import { recordAudit } from '../database/audit.ts';
import { nowIso, withTransaction, type Executor, type Transaction } from '../database/transaction.ts';
import { ApiFailure, calendarDay, LocalizedParam } from '../http/api-failure.ts';
import { shiftWallClock } from './wall-clock.ts';

/** The edition's calendar: which dates it has, what each day is called, and moving it all to other dates. */

/** The longest edition accepted: a congress runs days, not months. */
export const maxEditionDays = 31;

/** Refuses an end before the start, or an edition longer than the longest accepted. */
export function checkEditionLength(startsOn: string, endsOn: string): number {
  const length = daysBetween(startsOn, endsOn);
  if (length < 0) throw new ApiFailure(422, 'endsOn', 'endBeforeStart');
  if (length >= maxEditionDays) throw new ApiFailure(422, 'endsOn', 'editionTooLong', { max: maxEditionDays });
  return length;
}

/** What is scheduled on `date`: the first session, tour or consultation slot found, named for a refusal. */
function scheduledOn(tx: Transaction, congressId: number, date: string): { kind: string; what: unknown } | null {
  const on = `${date}T%`;
  const session = tx.select().from(programmeSessions).where(and(eq(programmeSessions.congressId, congressId), like(programmeSessions.startsAt, on))).orderBy(asc(programmeSessions.startsAt)).get();
  if (session) return { kind: 'session', what: new LocalizedParam(session.title) };
  const tour = tx.select({ title: tours.title }).from(tours).where(and(eq(tours.congressId, congressId), like(tours.departsAt, on))).orderBy(asc(tours.departsAt)).get();
  if (tour) return { kind: 'tour', what: new LocalizedParam(tour.title) };
  const slot = tx.select({ startsAt: consultationSlots.startsAt }).from(consultationSlots).where(and(eq(consultationSlots.congressId, congressId), like(consultationSlots.startsAt, on))).orderBy(asc(consultationSlots.startsAt)).get();
  // Stored on the edition's clock: the wall-clock hour is the text after the date.
  if (slot) return { kind: 'slot', what: slot.startsAt.slice(11, 16) };
  return null;
}

/**
 * Gives the edition the dates `startsOn`–`endsOn`, everything staying on its date: new dates become conference days,
 * and a date that would go while a session, tour or consultation slot is on it is refused naming it. Runs in the
 * caller's transaction.
 */
export function changeEditionDates(tx: Transaction, congressId: number, wanted: { startsOn: string; endsOn: string }): void {
  checkEditionLength(wanted.startsOn, wanted.endsOn);
  const days = tx.select().from(congressDays).where(eq(congressDays.congressId, congressId)).all();
  for (const day of days) {
    if (day.date >= wanted.startsOn && day.date <= wanted.endsOn) continue;
    const scheduled = scheduledOn(tx, congressId, day.date);
    if (scheduled) throw new ApiFailure(409, day.date < wanted.startsOn ? 'startsOn' : 'endsOn', 'dayInUse', { date: calendarDay(day.date), ...scheduled });
    tx.delete(congressDays).where(eq(congressDays.id, day.id)).run();
  }
  const kept = new Set(days.map((day) => day.date));
  for (let date = wanted.startsOn; date <= wanted.endsOn; date = addDays(date, 1)) {
    if (!kept.has(date)) tx.insert(congressDays).values({ congressId, date, focus: 'conference' }).run();
  }
  tx.update(congresses).set(wanted).where(eq(congresses.id, congressId)).run();
}

/**
 * Moves the whole edition so that it starts on `startsOn`: its days, consultation slots, tours, sessions and deadlines
 * keep their wall-clock hours on the edition's clock, moved by the same number of days. Sessions count a change, so
 * calendar apps move them too. Returns the number of days moved.
 */
export function moveEdition(db: Executor, congressId: number, startsOn: string, accountId: number): number {
  return withTransaction(db, (tx) => {
    const congress = tx.select().from(congresses).where(eq(congresses.id, congressId)).get()!;
    const shift = daysBetween(congress.startsOn, startsOn);
    if (shift === 0) return 0;
    const moved = (iso: string) => shiftWallClock(iso, congress.timeZone, congress.timeZone, shift);
    const movedOrNull = (iso: string | null) => (iso === null ? null : moved(iso));
    // Dates are unique per edition: rows move from the far end first so that no two meet on one date.
    const days = tx.select().from(congressDays).where(eq(congressDays.congressId, congressId)).all();
    days.sort((a, b) => (shift > 0 ? b.date.localeCompare(a.date) : a.date.localeCompare(b.date)));
    for (const day of days) tx.update(congressDays).set({ date: addDays(day.date, shift) }).where(eq(congressDays.id, day.id)).run();
    for (const slot of tx.select().from(consultationSlots).where(eq(consultationSlots.congressId, congressId)).all()) {
      tx.update(consultationSlots).set({ startsAt: moved(slot.startsAt), endsAt: moved(slot.endsAt) }).where(eq(consultationSlots.id, slot.id)).run();
    }
    for (const tour of tx.select().from(tours).where(eq(tours.congressId, congressId)).all()) {
      tx.update(tours).set({ departsAt: moved(tour.departsAt), returnsAt: moved(tour.returnsAt) }).where(eq(tours.id, tour.id)).run();
    }
    const at = nowIso();
    for (const session of tx.select().from(programmeSessions).where(eq(programmeSessions.congressId, congressId)).all()) {
      tx.update(programmeSessions)
        .set({ startsAt: moved(session.startsAt), endsAt: moved(session.endsAt), sequence: session.sequence + 1, updatedAt: at })
        .where(eq(programmeSessions.id, session.id))
        .run();
    }
    tx.update(congresses)
      .set({
        startsOn,
        endsOn: addDays(congress.endsOn, shift),
        tourChoicesCloseAt: movedOrNull(congress.tourChoicesCloseAt),
        consultationRequestsCloseAt: movedOrNull(congress.consultationRequestsCloseAt),
      })
      .where(eq(congresses.id, congressId))
      .run();
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'congress.move', entity: 'congress', entityId: congressId, data: { from: congress.startsOn, to: startsOn, days: shift } });
    return shift;
  });
}

/** Names a day (per language, or back to its focus's label) and says what it is about. */
export function updateDay(db: Executor, congressId: number, date: string, body: DayBody, accountId: number): void {
  withTransaction(db, (tx) => {
    const day = tx.select({ id: congressDays.id }).from(congressDays).where(and(eq(congressDays.congressId, congressId), eq(congressDays.date, date))).get();
    if (!day) throw new ApiFailure(404, 'date', 'notCongressDay', { date: calendarDay(date) });
    tx.update(congressDays).set({ focus: body.focus, title: body.title }).where(eq(congressDays.id, day.id)).run();
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'congress.day', entity: 'congress', entityId: congressId, data: { date, focus: body.focus } });
  });
}
