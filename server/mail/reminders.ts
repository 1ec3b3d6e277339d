import { eq, inArray, isNull } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { congresses, consultationAssignments, consultationSlots, tourBuses, tourSeats, tours } from '../../db/schema/index.ts';
import type { AppDatabase } from '../database/connection.ts';
import { withTransaction } from '../database/transaction.ts';
import { linkedDelegates, queueScheduleMessage } from '../consultations/consultation-messages.ts';
import { queueTourSeatMessage } from '../tours/tour-messages.ts';

/** Reminders go from this hour of the day before, on the edition's clock, until the thing itself begins. */
export const reminderHour = 9;

/** Whether `now` lies between the reminder hour of the day before `startsAt` and `startsAt` itself. */
export function reminderDue(startsAt: string, timeZone: string, now: Date): boolean {
  const start = DateTime.fromISO(startsAt, { zone: timeZone });
  const from = start.startOf('day').minus({ days: 1 }).set({ hour: reminderHour });
  return now.getTime() >= from.toMillis() && now.getTime() < start.toMillis();
}

/**
 * Queues the reminders due at `now` in every edition still running: each tour passenger their bus and meeting point,
 * each buyer and supplier their meetings of the next day, once only (their messages carry a once-key, so several
 * servers on one database, or this running every few minutes, queue each reminder once). Answers how many it queued.
 */
export function queueDueReminders(db: AppDatabase, now = new Date()): number {
  let queued = 0;
  const editions = db.select().from(congresses).where(isNull(congresses.archivedAt)).all();
  for (const edition of editions) {
    withTransaction(db, (tx) => {
      if (edition.toursPublishedAt) {
        const departing = tx.select().from(tours).where(eq(tours.congressId, edition.id)).all().filter((tour) => reminderDue(tour.departsAt, edition.timeZone, now));
        if (departing.length > 0) {
          const seats = tx
            .select({ delegateId: tourSeats.delegateId })
            .from(tourSeats)
            .innerJoin(tourBuses, eq(tourBuses.id, tourSeats.busId))
            .where(inArray(tourBuses.tourId, departing.map((tour) => tour.id)))
            .all();
          for (const seat of seats) queued += Number(queueTourSeatMessage(tx, seat.delegateId, true));
        }
      }
      if (edition.consultationPublishedAt) {
        // The first slot of each day with meetings: the day's reminder is due from the day before until then.
        const planned = tx
          .select({ startsAt: consultationSlots.startsAt })
          .from(consultationAssignments)
          .innerJoin(consultationSlots, eq(consultationSlots.id, consultationAssignments.slotId))
          .where(eq(consultationSlots.congressId, edition.id))
          .all();
        const firstByDay = new Map<string, string>();
        for (const { startsAt } of planned) {
          const day = DateTime.fromISO(startsAt, { zone: edition.timeZone }).toISODate()!;
          if (!firstByDay.has(day) || startsAt < firstByDay.get(day)!) firstByDay.set(day, startsAt);
        }
        for (const [day, first] of firstByDay) {
          if (!reminderDue(first, edition.timeZone, now)) continue;
          for (const delegate of linkedDelegates(tx, edition.id)) queued += Number(queueScheduleMessage(tx, edition.id, delegate, 'reminder', { day }));
        }
      }
    });
  }
  return queued;
}
