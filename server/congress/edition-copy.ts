import { asc, eq } from 'drizzle-orm';
import {
  congressDays,
  consultationInterpreters,
  consultationSlots,
  consultationTables,
  delegateCategories,
  programmeRooms,
  programmeSessions,
  tourBuses,
  tours,
} from '../../db/schema/index.ts';
import { addDays, daysBetween } from '../../shared/event-time.ts';
import { nowIso, type Transaction } from '../database/transaction.ts';
import { shiftWallClock } from './wall-clock.ts';

interface Edition {
  id: number;
  startsOn: string;
  endsOn: string;
  timeZone: string;
}

/**
 * Copies what an edition is built of into a new one: days, categories with capacities, tours and buses, rooms,
 * the consultation day's slots, tables and interpreters, and (when asked) the programme's sessions. Every time keeps
 * its wall-clock hour, moved by the distance between the two start dates. No people, registrations, meetings or
 * outcomes are copied.
 */
export function copyEditionStructure(tx: Transaction, { from, to, programme }: { from: Edition; to: Edition; programme: boolean }): void {
  const shift = daysBetween(from.startsOn, to.startsOn);
  const moved = (iso: string) => shiftWallClock(iso, from.timeZone, to.timeZone, shift);
  const inNewEdition = (date: string) => date >= to.startsOn && date <= to.endsOn;

  const days = tx.select().from(congressDays).where(eq(congressDays.congressId, from.id)).all();
  const copiedDays = days.map((day) => ({ congressId: to.id, date: addDays(day.date, shift), focus: day.focus, title: day.title })).filter((day) => inNewEdition(day.date));
  // A longer edition gets its extra dates as plain conference days.
  for (let date = to.startsOn; date <= to.endsOn; date = addDays(date, 1)) {
    if (!copiedDays.some((day) => day.date === date)) copiedDays.push({ congressId: to.id, date, focus: 'conference', title: null });
  }
  tx.insert(congressDays).values(copiedDays).run();

  const categories = tx.select().from(delegateCategories).where(eq(delegateCategories.congressId, from.id)).all();
  if (categories.length > 0) tx.insert(delegateCategories).values(categories.map(({ id: _id, ...category }) => ({ ...category, congressId: to.id }))).run();

  for (const { id: tourId, ...tour } of tx.select().from(tours).where(eq(tours.congressId, from.id)).orderBy(asc(tours.sortOrder)).all()) {
    const { id: newTourId } = tx
      .insert(tours)
      .values({ ...tour, congressId: to.id, departsAt: moved(tour.departsAt), returnsAt: moved(tour.returnsAt) })
      .returning({ id: tours.id })
      .get();
    const buses = tx.select().from(tourBuses).where(eq(tourBuses.tourId, tourId)).all();
    if (buses.length > 0) tx.insert(tourBuses).values(buses.map(({ id: _id, ...bus }) => ({ ...bus, tourId: newTourId }))).run();
  }

  const roomIds = new Map<number, number>();
  for (const { id: roomId, ...room } of tx.select().from(programmeRooms).where(eq(programmeRooms.congressId, from.id)).all()) {
    roomIds.set(roomId, tx.insert(programmeRooms).values({ ...room, congressId: to.id }).returning({ id: programmeRooms.id }).get().id);
  }

  const slots = tx.select().from(consultationSlots).where(eq(consultationSlots.congressId, from.id)).all();
  if (slots.length > 0) {
    tx.insert(consultationSlots).values(slots.map((slot) => ({ congressId: to.id, code: slot.code, startsAt: moved(slot.startsAt), endsAt: moved(slot.endsAt) }))).run();
  }
  const tables = tx.select({ code: consultationTables.code }).from(consultationTables).where(eq(consultationTables.congressId, from.id)).all();
  if (tables.length > 0) tx.insert(consultationTables).values(tables.map((table) => ({ congressId: to.id, code: table.code }))).run();
  const interpreters = tx.select().from(consultationInterpreters).where(eq(consultationInterpreters.congressId, from.id)).all();
  if (interpreters.length > 0) tx.insert(consultationInterpreters).values(interpreters.map(({ id: _id, ...interpreter }) => ({ ...interpreter, congressId: to.id }))).run();

  if (!programme) return;
  const sessions = tx.select().from(programmeSessions).where(eq(programmeSessions.congressId, from.id)).all();
  const updatedAt = nowIso();
  // Sessions come without their chairs, speakers and papers: those are the new edition's to choose.
  const copiedSessions = sessions
    .map(({ id: _id, roomId, chairId: _chair, cancelledAt: _cancelled, sequence: _sequence, ...session }) => ({
      ...session,
      congressId: to.id,
      roomId: roomId === null ? null : (roomIds.get(roomId) ?? null),
      startsAt: moved(session.startsAt),
      endsAt: moved(session.endsAt),
      updatedAt,
    }))
    .filter((session) => inNewEdition(session.startsAt.slice(0, 10)));
  if (copiedSessions.length > 0) tx.insert(programmeSessions).values(copiedSessions).run();
}
