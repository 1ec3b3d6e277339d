import { and, eq } from 'drizzle-orm';
import { consultationAssignments, consultationInterpreters, consultationMeetings, consultationOutcomes, consultationSlots, consultationTables } from '../../db/schema/index.ts';
import type { MeetingMoveBody } from '../../shared/consultation-plan-schema.ts';
import { recordAudit } from '../database/audit.ts';
import { withTransaction, type Executor } from '../database/transaction.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { bumpRevision, consultationInstance, revisionOf, storedAssignments } from './consultation-plan-service.ts';
import { checkSchedule } from './engine/check-schedule.ts';
import { refusingInNames } from './refusal-names.ts';
import type { Assignment, ConsultationInstance } from './engine/contract.ts';

/** Moving or pinning one meeting by hand, checked against every rule the engine keeps. */

const canAttend = (available: string[] | undefined, slot: string) => available === undefined || available.includes(slot);

/**
 * The place `move` gives meeting `meeting`, after checking it against the instance and the other meetings' places;
 * the interpreter, when the sides need one and none is named (undefined), is the first free one who bridges them;
 * null asks for none.
 * Throws a 422 naming the field at fault and why.
 */
export function checkMove(instance: ConsultationInstance, others: Assignment[], meeting: string, move: { slot: string; table: string; interpreter?: string | null }): Assignment {
  const entry = instance.meetings.find((candidate) => candidate.id === meeting)!;
  const slot = instance.slots.find((candidate) => candidate.id === move.slot);
  if (!slot) throw new ApiFailure(422, 'slot', 'unknownCode', { code: move.slot });
  if (!instance.tables.some((table) => table.id === move.table)) throw new ApiFailure(422, 'table', 'unknownCode', { code: move.table });
  const inSlot = others.filter((other) => other.slot === move.slot);
  const sides = [entry.buyer, entry.supplier].map((id) => instance.participants.find((participant) => participant.id === id)!);
  for (const side of sides) {
    if (!canAttend(side.available, move.slot)) throw new ApiFailure(422, 'slot', 'notAvailable', { participant: side.id });
    const busy = inSlot.find((other) => {
      const otherMeeting = instance.meetings.find((candidate) => candidate.id === other.meeting)!;
      return otherMeeting.buyer === side.id || otherMeeting.supplier === side.id;
    });
    if (busy) throw new ApiFailure(422, 'slot', 'participantBusy', { participant: side.id, meeting: busy.meeting });
    if (side.table !== undefined && side.table !== move.table) throw new ApiFailure(422, 'table', 'homeTable', { participant: side.id, table: side.table });
  }
  const tableTaken = inSlot.find((other) => other.table === move.table);
  if (tableTaken) throw new ApiFailure(422, 'table', 'tableTaken', { table: move.table, meeting: tableTaken.meeting });

  const [languagesA, languagesB] = sides.map((side) => side.languages ?? []) as [string[], string[]];
  const needsInterpreter = languagesA.length > 0 && languagesB.length > 0 && !languagesA.some((tag) => languagesB.includes(tag));
  const interpreters = instance.interpreters ?? [];
  const bridges = (languages: string[]) => languages.some((tag) => languagesA.includes(tag)) && languages.some((tag) => languagesB.includes(tag));
  const free = (id: string) => !inSlot.some((other) => other.interpreter === id);
  const place = { meeting, slot: move.slot, table: move.table };
  if (!needsInterpreter) {
    if (move.interpreter) throw new ApiFailure(422, 'interpreter', 'interpreterNotNeeded');
    return place;
  }
  if (move.interpreter === null) throw new ApiFailure(422, 'interpreter', 'interpreterNeeded');
  if (move.interpreter === undefined) {
    const chosen = interpreters.find((interpreter) => bridges(interpreter.languages) && canAttend(interpreter.available, move.slot) && free(interpreter.id));
    if (!chosen) throw new ApiFailure(422, 'interpreter', 'noInterpreterFree');
    return { ...place, interpreter: chosen.id };
  }
  const interpreter = interpreters.find((candidate) => candidate.id === move.interpreter);
  if (!interpreter) throw new ApiFailure(422, 'interpreter', 'unknownCode', { code: move.interpreter });
  if (!bridges(interpreter.languages)) throw new ApiFailure(422, 'interpreter', 'interpreterLanguages', { interpreter: interpreter.id });
  if (!canAttend(interpreter.available, move.slot) || !free(interpreter.id)) throw new ApiFailure(422, 'interpreter', 'interpreterBusy', { interpreter: interpreter.id });
  return { ...place, interpreter: interpreter.id };
}

/**
 * Puts meeting `code` where the organiser says, pinned or not, on the plan of `body.revision`; the plan's revision
 * goes up. Another change since that revision makes it 409, a broken rule 422, and nothing is stored then.
 */
export function moveMeeting(db: Executor, congressId: number, code: string, body: MeetingMoveBody, accountId: number): [buyer: string, supplier: string] {
  return withTransaction(db, (tx) => {
    const instance = consultationInstance(tx, congressId);
    const meeting = instance.meetings.find((candidate) => candidate.id === code);
    if (!meeting) throw new ApiFailure(404, 'meeting', 'notFound');
    if (revisionOf(tx, congressId) !== body.revision) throw new ApiFailure(409, 'revision', 'planReviewChanged');
    const others = storedAssignments(tx, congressId)
      .filter((row) => row.meeting !== code)
      .map((row) => ({ meeting: row.meeting, slot: row.slot, table: row.table, ...(row.interpreter ? { interpreter: row.interpreter } : {}) }));
    const assignment = refusingInNames(tx, congressId, () => checkMove(instance, others, code, body));
    // The independent checker has the last word, as for a whole plan.
    const unscheduled = instance.meetings.filter((candidate) => candidate.id !== code && !others.some((other) => other.meeting === candidate.id));
    const check = checkSchedule(
      { ...instance, pinned: [] },
      { format: 'consultation-schedule/1', assignments: [...others, assignment], unscheduled: unscheduled.map((candidate) => ({ meeting: candidate.id, reason: 'not placed' })) },
    );
    if (check.violations.length > 0) throw new ApiFailure(422, 'slot', 'planInvalid', { problem: check.violations[0] });

    const idOf = <T extends { id: number }>(row: T | undefined) => row!.id;
    const meetingId = idOf(tx.select({ id: consultationMeetings.id }).from(consultationMeetings).where(and(eq(consultationMeetings.congressId, congressId), eq(consultationMeetings.code, code))).get());
    const slotId = idOf(tx.select({ id: consultationSlots.id }).from(consultationSlots).where(and(eq(consultationSlots.congressId, congressId), eq(consultationSlots.code, assignment.slot))).get());
    const tableId = idOf(tx.select({ id: consultationTables.id }).from(consultationTables).where(and(eq(consultationTables.congressId, congressId), eq(consultationTables.code, assignment.table))).get());
    const interpreterId = assignment.interpreter
      ? idOf(
          tx
            .select({ id: consultationInterpreters.id })
            .from(consultationInterpreters)
            .where(and(eq(consultationInterpreters.congressId, congressId), eq(consultationInterpreters.code, assignment.interpreter)))
            .get(),
        )
      : null;
    tx.delete(consultationAssignments).where(eq(consultationAssignments.meetingId, meetingId)).run();
    tx.insert(consultationAssignments).values({ meetingId, slotId, tableId, interpreterId, pinned: body.pinned }).run();
    bumpRevision(tx, congressId);
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'consultation.meeting.move', entity: 'meeting', entityId: meetingId, data: { ...assignment, pinned: body.pinned } });
    return [meeting.buyer, meeting.supplier];
  });
}

/**
 * Takes meeting `code` out of the plan of `revision`: it waits for a place again, with its reason. A meeting whose
 * outcome is recorded keeps its place; a stale revision is 409, as for a move.
 */
export function unplaceMeeting(db: Executor, congressId: number, code: string, revision: number, accountId: number): [buyer: string, supplier: string] {
  return withTransaction(db, (tx) => {
    const meeting = consultationInstance(tx, congressId).meetings.find((candidate) => candidate.id === code);
    if (!meeting) throw new ApiFailure(404, 'meeting', 'notFound');
    if (revisionOf(tx, congressId) !== revision) throw new ApiFailure(409, 'revision', 'planReviewChanged');
    const { id } = tx.select({ id: consultationMeetings.id }).from(consultationMeetings).where(and(eq(consultationMeetings.congressId, congressId), eq(consultationMeetings.code, code))).get()!;
    if (!tx.select({ id: consultationAssignments.meetingId }).from(consultationAssignments).where(eq(consultationAssignments.meetingId, id)).get()) {
      throw new ApiFailure(409, 'meeting', 'notPlanned');
    }
    if (tx.select({ id: consultationOutcomes.meetingId }).from(consultationOutcomes).where(eq(consultationOutcomes.meetingId, id)).get()) {
      throw new ApiFailure(409, 'meeting', 'meetingHasOutcome');
    }
    tx.delete(consultationAssignments).where(eq(consultationAssignments.meetingId, id)).run();
    bumpRevision(tx, congressId);
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'consultation.meeting.unplace', entity: 'meeting', entityId: id, data: { code } });
    return [meeting.buyer, meeting.supplier];
  });
}
