import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { consultationArrivals, consultationInterpreters, consultationOutcomes, consultationMeetings, consultationParticipants } from '../../db/schema/index.ts';
import type { AcceptRebookingBody, FloorBoard, RebookingProposal, WalkInBody } from '../../shared/consultation-floor-schema.ts';
import { recordAudit } from '../database/audit.ts';
import { nowIso, withTransaction, type Executor, type Transaction } from '../database/transaction.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { consultationInstance, revisionOf, storedAssignments, storeSchedule } from './consultation-plan-service.ts';
import type { ConsultationInstance, ConsultationSchedule } from './engine/contract.ts';
import { scheduleConsultations } from './engine/schedule-consultations.ts';
import { participantByCode, recordOutcome } from './participant-service.ts';
import { prematch } from './meeting-request-service.ts';
import { describeUnplacedInEnglish } from './unplaced-reason.ts';
import { queueMeetingMessage } from './consultation-messages.ts';
import { congressTimeZone } from '../congress/congress-service.ts';

/** The consultation hall on the day: the table board, arrivals, no-shows and the re-bookings they make room for. */

/** Who meets at which table in the slot under way at `at` and in the next, and who of them has arrived. */
export function floorBoard(db: Executor, congressId: number, at: string): FloorBoard {
  return withTransaction(db, (tx) => {
    const instance = consultationInstance(tx, congressId);
    const moment = Date.parse(at);
    const slots = [...instance.slots].sort((x, y) => Date.parse(x.start) - Date.parse(y.start));
    const nowIndex = slots.findIndex((slot) => Date.parse(slot.start) <= moment && moment < Date.parse(slot.end));
    const nextIndex = nowIndex >= 0 ? nowIndex + 1 : slots.findIndex((slot) => Date.parse(slot.start) > moment);
    const now = slots[nowIndex];
    const next = nextIndex >= 0 ? slots[nextIndex] : undefined;
    const participants = tx
      .select({ code: consultationParticipants.code, company: consultationParticipants.company, arrivedAt: consultationArrivals.arrivedAt })
      .from(consultationParticipants)
      .leftJoin(consultationArrivals, eq(consultationArrivals.participantId, consultationParticipants.id))
      .where(eq(consultationParticipants.congressId, congressId))
      .all();
    const side = (code: string) => {
      const person = participants.find((row) => row.code === code)!;
      return { code, company: person.company, arrived: person.arrivedAt !== null };
    };
    const attendance = new Map(
      tx
        .select({ code: consultationMeetings.code, attendance: consultationOutcomes.attendance })
        .from(consultationOutcomes)
        .innerJoin(consultationMeetings, eq(consultationMeetings.id, consultationOutcomes.meetingId))
        .where(eq(consultationMeetings.congressId, congressId))
        .all()
        .map((row) => [row.code, row.attendance]),
    );
    const byCode = new Map(meetingPairs(tx, congressId).map((meeting) => [meeting.code, meeting]));
    const interpreterNames = new Map(
      tx.select({ code: consultationInterpreters.code, name: consultationInterpreters.name }).from(consultationInterpreters).where(eq(consultationInterpreters.congressId, congressId)).all().map((row) => [row.code, row.name]),
    );
    const assignments = storedAssignments(tx, congressId, true);
    const at_ = (slot: typeof now, table: string) => {
      const found = slot && assignments.find((row) => row.slot === slot.id && row.table === table);
      if (!found) return null;
      const meeting = byCode.get(found.meeting)!;
      return { meeting: found.meeting, buyer: side(meeting.buyer), supplier: side(meeting.supplier), interpreter: found.interpreter ? { code: found.interpreter, name: interpreterNames.get(found.interpreter) ?? found.interpreter } : null, attendance: attendance.get(found.meeting) ?? null };
    };
    const info = (slot: typeof now) => (slot ? { code: slot.id, startsAt: slot.start, endsAt: slot.end } : null);
    return {
      revision: revisionOf(tx, congressId),
      slots: slots.map((slot) => info(slot)!),
      now: info(now),
      next: info(next),
      tables: instance.tables.map(({ id }) => ({ table: id, now: at_(now, id), next: at_(next, id) })),
    };
  });
}

export function markArrival(db: Executor, congressId: number, code: string, accountId: number): void {
  withTransaction(db, (tx) => {
    const participant = participantByCode(tx, congressId, code, 422);
    tx.insert(consultationArrivals).values({ participantId: participant.id, arrivedAt: nowIso(), recordedBy: accountId }).onConflictDoNothing().run();
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'consultation.arrival', entity: 'consultation_participant', entityId: participant.id, data: null });
  });
}

/**
 * Records a no-show and asks the engine what the freed time can hold: the day from the no-show's slot on, with every
 * meeting already placed pinned where it is (nothing held or promised moves), and the accepted meetings still
 * waiting for a place to fit in.
 */
export function noShow(db: Executor, congressId: number, meetingCode: string, accountId: number): RebookingProposal {
  const freed = storedAssignments(db, congressId, true).find((row) => row.meeting === meetingCode);
  if (!freed) throw new ApiFailure(409, 'meeting', 'notPlanned');
  recordOutcome(db, congressId, meetingCode, { attendance: 'no-show', outcome: 'none' }, { type: 'account', id: accountId });
  return { ...proposeRebookings(db, congressId, freed.startsAt, meetingCode), noShow: meetingCode };
}

/**
 * Records a walk-in: a buyer and a supplier who ask on the day to meet. The meeting is agreed at once and waits for a
 * place; the engine proposes one in the slots that have not begun at `at` (nothing placed moves), for staff to book.
 */
export function walkIn(db: Executor, congressId: number, body: WalkInBody, at: string, accountId: number): RebookingProposal {
  const meeting = prematch(db, congressId, body.buyer, body.supplier, 1, accountId, 'walk-in');
  const next = consultationInstance(db, congressId)
    .slots.map((slot) => slot.start)
    .filter((start) => Date.parse(start) >= Date.parse(at))
    .sort((x, y) => Date.parse(x) - Date.parse(y))[0];
  const proposal = next ? proposeRebookings(db, congressId, next, null) : { revision: revisionOf(db, congressId), proposals: [] };
  return { ...proposal, walkIn: meeting };
}

/** The engine's places for meetings waiting for one, in the day from `from` on, with everything placed there pinned. */
function proposeRebookings(db: Executor, congressId: number, from: string, freedMeeting: string | null) {
  const instance = consultationInstance(db, congressId);
  const stored = storedAssignments(db, congressId);
  const revision = revisionOf(db, congressId);
  const rest = remainingDay(instance, stored, from, freedMeeting);
  const plan = scheduleConsultations(rest, { describe: describeUnplacedInEnglish, timeLimitMs: 500 });
  const pinned = new Set((rest.pinned ?? []).map((pin) => pin.meeting));
  const startOf = new Map(instance.slots.map((slot) => [slot.id, slot.start]));
  const meetingOf = new Map(instance.meetings.map((meeting) => [meeting.id, meeting]));
  return {
    revision,
    proposals: plan.schedule.assignments
      .filter((assignment) => !pinned.has(assignment.meeting))
      .map((assignment) => ({
        meeting: assignment.meeting,
        buyer: meetingOf.get(assignment.meeting)!.buyer,
        supplier: meetingOf.get(assignment.meeting)!.supplier,
        slot: assignment.slot,
        startsAt: startOf.get(assignment.slot)!,
        table: assignment.table,
        interpreter: assignment.interpreter ?? null,
      })),
  };
}

/** The day from `from` on: its slots, the meetings placed there (pinned, a freed one left out) and those without a place. */
function remainingDay(instance: ConsultationInstance, stored: ReturnType<typeof storedAssignments>, from: string, freedMeeting: string | null): ConsultationInstance {
  const slots = instance.slots.filter((slot) => Date.parse(slot.start) >= Date.parse(from));
  const open = new Set(slots.map((slot) => slot.id));
  const placed = new Map(stored.map((row) => [row.meeting, row]));
  const laterPlaced = stored.filter((row) => open.has(row.slot) && row.meeting !== freedMeeting);
  const waiting = instance.meetings.filter((meeting) => !placed.has(meeting.id));
  const keep = new Set([...laterPlaced.map((row) => row.meeting), ...waiting.map((meeting) => meeting.id)]);
  const involved = new Set(instance.meetings.filter((meeting) => keep.has(meeting.id)).flatMap((meeting) => [meeting.buyer, meeting.supplier]));
  const restrict = (available: string[] | undefined) => (available ?? slots.map((slot) => slot.id)).filter((slot) => open.has(slot));
  const participants = instance.participants.filter((p) => involved.has(p.id) && restrict(p.available).length > 0);
  const present = new Set(participants.map((p) => p.id));
  return {
    ...instance,
    slots,
    participants: participants.map((p) => ({ ...p, available: restrict(p.available) })),
    interpreters: (instance.interpreters ?? []).filter((i) => restrict(i.available).length > 0).map((i) => ({ ...i, available: restrict(i.available) })),
    // A meeting waiting for someone who has no time left today cannot be proposed.
    meetings: instance.meetings.filter((meeting) => keep.has(meeting.id) && present.has(meeting.buyer) && present.has(meeting.supplier)),
    pinned: laterPlaced.map((row) => ({ meeting: row.meeting, slot: row.slot, table: row.table, ...(row.interpreter ? { interpreter: row.interpreter } : {}) })),
  };
}

/**
 * Books the proposed meetings, on the plan they were proposed for: if the plan changed since (another re-booking
 * came first), nothing is stored and the answer is 409.
 */
export function acceptRebooking(db: Executor, congressId: number, body: AcceptRebookingBody, accountId: number): void {
  withTransaction(db, (tx: Transaction) => {
    if (revisionOf(tx, congressId) !== body.revision) throw new ApiFailure(409, 'revision', 'planChanged');
    const instance = consultationInstance(tx, congressId);
    const stored = storedAssignments(tx, congressId);
    const assignments: ConsultationSchedule['assignments'] = [
      ...stored.map((row) => ({ meeting: row.meeting, slot: row.slot, table: row.table, ...(row.interpreter ? { interpreter: row.interpreter } : {}) })),
      ...body.proposals.map((proposal) => ({ meeting: proposal.meeting, slot: proposal.slot, table: proposal.table, ...(proposal.interpreter ? { interpreter: proposal.interpreter } : {}) })),
    ];
    const placed = new Set(assignments.map((assignment) => assignment.meeting));
    const unscheduled = instance.meetings.filter((meeting) => !placed.has(meeting.id)).map((meeting) => ({ meeting: meeting.id, reason: 'still waiting for a place' }));
    storeSchedule(tx, congressId, instance, { format: 'consultation-schedule/1', assignments, unscheduled });
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'consultation.rebooking', entity: 'congress', entityId: congressId, data: { meetings: body.proposals.map((p) => p.meeting) } });
    // Both sides of each meeting booked hear its new time and table.
    const timeZone = congressTimeZone(tx, congressId);
    const sides = new Map(tx.select({ code: consultationMeetings.code, buyer: consultationMeetings.buyerId, supplier: consultationMeetings.supplierId }).from(consultationMeetings).where(eq(consultationMeetings.congressId, congressId)).all().map((row) => [row.code, row]));
    for (const proposal of body.proposals) {
      const pair = sides.get(proposal.meeting)!;
      const place = { startsAt: instance.slots.find((slot) => slot.id === proposal.slot)!.start, table: proposal.table, timeZone };
      queueMeetingMessage(tx, congressId, 'rebooked', { to: pair.buyer, counterpart: pair.supplier }, { place });
      queueMeetingMessage(tx, congressId, 'rebooked', { to: pair.supplier, counterpart: pair.buyer }, { place });
    }
  });
}

/** Every meeting's two sides by code, no-shows included. */
function meetingPairs(tx: Transaction, congressId: number) {
  const buyer = alias(consultationParticipants, 'buyer');
  const supplier = alias(consultationParticipants, 'supplier');
  return tx
    .select({ code: consultationMeetings.code, buyer: buyer.code, supplier: supplier.code })
    .from(consultationMeetings)
    .innerJoin(buyer, eq(buyer.id, consultationMeetings.buyerId))
    .innerJoin(supplier, eq(supplier.id, consultationMeetings.supplierId))
    .where(eq(consultationMeetings.congressId, congressId))
    .all();
}
