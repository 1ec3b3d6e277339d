import { and, asc, eq, inArray, like } from 'drizzle-orm';
import { congressDays, congresses, consultationAssignments, consultationInterpreters, consultationMeetings, consultationParticipants, consultationSlots } from '../../../db/schema/index.ts';
import { wallClockToIso } from '../../../shared/event-time.ts';
import { recordAudit } from '../../database/audit.ts';
import { withTransaction, type Executor } from '../../database/transaction.ts';
import { ApiFailure, calendarDay } from '../../http/api-failure.ts';
import { slotsOfPattern, type SlotPattern } from './slot-pattern.ts';
import { inNames } from '../refusal-names.ts';

/**
 * Lays out one day's consultation slots from a pattern. Slots that keep their start keep their code (`d2-1000`), so
 * plans and availabilities naming them stay valid; a slot that would go while a meeting is planned in it, or while
 * a participant or interpreter names it as available, is refused naming what it would break.
 */
export function replaceDaySlots(db: Executor, congressId: number, date: string, pattern: SlotPattern, accountId: number) {
  const laid = slotsOfPattern(pattern);
  if (!Array.isArray(laid)) throw new ApiFailure(422, laid.field, laid.messageKey);
  return withTransaction(db, (tx) => {
    const { timeZone } = tx.select({ timeZone: congresses.timeZone }).from(congresses).where(eq(congresses.id, congressId)).get()!;
    const days = tx.select({ date: congressDays.date }).from(congressDays).where(eq(congressDays.congressId, congressId)).orderBy(asc(congressDays.date)).all();
    const dayNumber = days.findIndex((day) => day.date === date) + 1;
    if (dayNumber === 0) throw new ApiFailure(422, 'date', 'notCongressDay', { date: calendarDay(date) });
    const existing = tx.select().from(consultationSlots).where(and(eq(consultationSlots.congressId, congressId), like(consultationSlots.startsAt, `${date}T%`))).all();
    // A slot that keeps its start keeps its code, even when days were added before this one since it was laid out.
    const codeAtStart = new Map(existing.map((slot) => [Date.parse(slot.startsAt), slot.code]));
    const otherDays = slotCodesOf(tx, congressId);
    for (const slot of existing) otherDays.delete(slot.code);
    const wanted = laid.map((slot) => {
      const startsAt = wallClockToIso(`${date}T${slot.start}`, timeZone);
      const fresh = `d${dayNumber}-${slot.start.replace(':', '')}`;
      const code = codeAtStart.get(Date.parse(startsAt)) ?? (otherDays.has(fresh) ? `${date.replaceAll('-', '')}-${slot.start.replace(':', '')}` : fresh);
      return { code, startsAt, endsAt: wallClockToIso(`${date}T${slot.end}`, timeZone) };
    });
    const wantedCodes = new Set(wanted.map((slot) => slot.code));
    const going = existing.filter((slot) => !wantedCodes.has(slot.code));
    if (going.length) {
      const planned = tx
        .select({ slot: consultationSlots.code, meeting: consultationMeetings.code })
        .from(consultationAssignments)
        .innerJoin(consultationSlots, eq(consultationSlots.id, consultationAssignments.slotId))
        .innerJoin(consultationMeetings, eq(consultationMeetings.id, consultationAssignments.meetingId))
        .where(inArray(consultationAssignments.slotId, going.map((slot) => slot.id)))
        .get();
      if (planned) throw inNames(tx, congressId, new ApiFailure(409, 'slots', 'slotHasMeeting', planned));
      const goingCodes = new Set(going.map((slot) => slot.code));
      const named = [
        ...tx.select({ code: consultationParticipants.code, available: consultationParticipants.available }).from(consultationParticipants).where(eq(consultationParticipants.congressId, congressId)).all(),
        ...tx.select({ code: consultationInterpreters.code, available: consultationInterpreters.available }).from(consultationInterpreters).where(eq(consultationInterpreters.congressId, congressId)).all(),
      ];
      for (const holder of named) {
        const slot = holder.available?.find((code) => goingCodes.has(code));
        if (slot) throw inNames(tx, congressId, new ApiFailure(409, 'slots', 'slotInAvailability', { slot, who: holder.code }));
      }
      tx.delete(consultationSlots).where(inArray(consultationSlots.id, going.map((slot) => slot.id))).run();
    }
    const byCode = new Map(existing.map((slot) => [slot.code, slot]));
    for (const slot of wanted) {
      const kept = byCode.get(slot.code);
      if (kept) tx.update(consultationSlots).set({ startsAt: slot.startsAt, endsAt: slot.endsAt }).where(eq(consultationSlots.id, kept.id)).run();
      else tx.insert(consultationSlots).values({ congressId, ...slot }).run();
    }
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'consultation.slots', entity: 'congress', entityId: congressId, data: { date, ...pattern, slots: wanted.length } });
    return wanted;
  });
}

/** The codes of the edition's consultation slots. */
export function slotCodesOf(db: Executor, congressId: number): Set<string> {
  return new Set(db.select({ code: consultationSlots.code }).from(consultationSlots).where(eq(consultationSlots.congressId, congressId)).all().map((row) => row.code));
}

/** Refuses the first code of the list `field` that is not one of the edition's slots (`available[2]`). */
export function checkSlotCodes(db: Executor, congressId: number, field: string, codes: readonly string[]): void {
  const slots = slotCodesOf(db, congressId);
  codes.forEach((code, index) => {
    if (!slots.has(code)) throw new ApiFailure(422, `${field}[${index}]`, 'unknownCode', { code });
  });
}
