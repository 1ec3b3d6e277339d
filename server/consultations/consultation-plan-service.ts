import { and, asc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import {
  congresses,
  consultationAssignments,
  consultationInterpreters,
  consultationMeetings,
  consultationOutcomes,
  consultationParticipants,
  consultationSlots,
  consultationTables,
} from '../../db/schema/index.ts';
import type { ConsultationPlan, PlanProgress } from '../../shared/consultation-plan-schema.ts';
import { recordAudit } from '../database/audit.ts';
import { nowIso, withTransaction, type Executor, type Transaction } from '../database/transaction.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { checkSchedule } from './engine/check-schedule.ts';
import { compileInstance } from './engine/compile-instance.ts';
import type { ConsultationInstance, ConsultationSchedule } from './engine/contract.ts';
import { explainUnplaced } from './engine/explain-unplaced.ts';
import { ScheduleState } from './engine/schedule-state.ts';
import { priorityUpperBound } from './engine/upper-bound.ts';
import { describeUnplaced } from './unplaced-reason.ts';
import { queueSchedulePublishedMessages } from './consultation-messages.ts';
import { scheduleInWorker } from './engine-run.ts';
import type { UiLanguage } from '../../shared/languages.ts';

/** Planning the consultation day on the live data: export it as an instance, run the engine or import a schedule, publish. */

const homeTable = alias(consultationTables, 'home_table');

/** The live congress as a `consultation-instance/1`: accepted meetings, and the pinned part of the stored plan. */
export function consultationInstance(db: Executor, congressId: number): ConsultationInstance {
  const slots = db.select().from(consultationSlots).where(eq(consultationSlots.congressId, congressId)).orderBy(asc(consultationSlots.startsAt)).all();
  const tables = db.select().from(consultationTables).where(eq(consultationTables.congressId, congressId)).orderBy(asc(consultationTables.code)).all();
  const participants = db
    .select({ participant: consultationParticipants, table: homeTable.code })
    .from(consultationParticipants)
    .leftJoin(homeTable, eq(homeTable.id, consultationParticipants.homeTableId))
    .where(eq(consultationParticipants.congressId, congressId))
    .orderBy(asc(consultationParticipants.code))
    .all();
  const interpreters = db.select().from(consultationInterpreters).where(eq(consultationInterpreters.congressId, congressId)).orderBy(asc(consultationInterpreters.code)).all();
  const spoken = new Set(participants.flatMap(({ participant }) => participant.languages));
  const meetings = acceptedMeetings(db, congressId);
  const pinned = storedAssignments(db, congressId).filter((row) => row.pinned);
  return {
    format: 'consultation-instance/1',
    slots: slots.map((slot) => ({ id: slot.code, start: slot.startsAt, end: slot.endsAt })),
    tables: tables.map((table) => ({ id: table.code })),
    participants: participants.map(({ participant, table }) => ({
      id: participant.code,
      role: participant.role,
      languages: participant.languages,
      ...(table ? { table } : {}),
      ...(participant.available ? { available: participant.available } : {}),
    })),
    interpreters: interpreters.flatMap((interpreter) => {
      // An interpreter's languages that nobody at this edition speaks bridge nothing (the engine refuses them as typos).
      const languages = interpreter.languages.filter((tag) => spoken.has(tag));
      return languages.length < 2 ? [] : [{ id: interpreter.code, languages, ...(interpreter.available ? { available: interpreter.available } : {}) }];
    }),
    meetings: meetings.map((meeting) => ({ id: meeting.code, buyer: meeting.buyer, supplier: meeting.supplier, priority: meeting.priority })),
    pinned: pinned.map((row) => ({ meeting: row.meeting, slot: row.slot, table: row.table, ...(row.interpreter ? { interpreter: row.interpreter } : {}) })),
  };
}

const buyer = alias(consultationParticipants, 'buyer');
const supplier = alias(consultationParticipants, 'supplier');

/** Accepted meetings, without those nobody came to: a no-show is over and is not planned again. */
const toPlan = (congressId: number) =>
  and(eq(consultationMeetings.congressId, congressId), eq(consultationMeetings.status, 'accepted'), or(isNull(consultationOutcomes.attendance), ne(consultationOutcomes.attendance, 'no-show')));

function acceptedMeetings(db: Executor, congressId: number) {
  return db
    .select({ id: consultationMeetings.id, code: consultationMeetings.code, buyer: buyer.code, supplier: supplier.code, priority: consultationMeetings.priority })
    .from(consultationMeetings)
    .innerJoin(buyer, eq(buyer.id, consultationMeetings.buyerId))
    .innerJoin(supplier, eq(supplier.id, consultationMeetings.supplierId))
    .leftJoin(consultationOutcomes, eq(consultationOutcomes.meetingId, consultationMeetings.id))
    .where(toPlan(congressId))
    .orderBy(asc(consultationMeetings.code))
    .all();
}

/** The stored plan; with `withNoShows`, also the places of meetings nobody came to (the floor board shows them). */
export function storedAssignments(db: Executor, congressId: number, withNoShows = false) {
  return db
    .select({
      meeting: consultationMeetings.code,
      slot: consultationSlots.code,
      startsAt: consultationSlots.startsAt,
      table: consultationTables.code,
      interpreter: consultationInterpreters.code,
      pinned: consultationAssignments.pinned,
      attendance: consultationOutcomes.attendance,
    })
    .from(consultationAssignments)
    .innerJoin(consultationMeetings, eq(consultationMeetings.id, consultationAssignments.meetingId))
    .innerJoin(consultationSlots, eq(consultationSlots.id, consultationAssignments.slotId))
    .innerJoin(consultationTables, eq(consultationTables.id, consultationAssignments.tableId))
    .leftJoin(consultationInterpreters, eq(consultationInterpreters.id, consultationAssignments.interpreterId))
    .leftJoin(consultationOutcomes, eq(consultationOutcomes.meetingId, consultationMeetings.id))
    .where(withNoShows ? and(eq(consultationMeetings.congressId, congressId), eq(consultationMeetings.status, 'accepted')) : toPlan(congressId))
    .all();
}

/** Goes up with every change to the stored plan. */
export const revisionOf = (tx: Executor, congressId: number) =>
  tx.select({ revision: congresses.consultationPlanRevision }).from(congresses).where(eq(congresses.id, congressId)).get()!.revision;

/** Records a change to the stored plan; returns the new revision. */
export function bumpRevision(tx: Transaction, congressId: number): number {
  tx.update(congresses).set({ consultationPlanRevision: sql`${congresses.consultationPlanRevision} + 1` }).where(eq(congresses.id, congressId)).run();
  return revisionOf(tx, congressId);
}

/** The names the organisers' grid shows for codes: each company with its country, and the buyer who keeps each table. */
function companiesAndHomeTables(tx: Executor, congressId: number) {
  const rows = tx
    .select({ code: consultationParticipants.code, company: consultationParticipants.company, country: consultationParticipants.country, homeTable: consultationTables.code })
    .from(consultationParticipants)
    .leftJoin(consultationTables, eq(consultationTables.id, consultationParticipants.homeTableId))
    .where(eq(consultationParticipants.congressId, congressId))
    .all();
  return {
    companies: Object.fromEntries(rows.map((row) => [row.code, { company: row.company, country: row.country }])),
    homeTables: Object.fromEntries(rows.filter((row) => row.homeTable !== null).map((row) => [row.homeTable!, row.code])),
  };
}

/** The plan as stored, with its figures measured by the independent checker and a reason for each unplaced meeting in `language`. */
export function consultationPlan(db: Executor, congressId: number, language: UiLanguage): ConsultationPlan {
  return withTransaction(db, (tx) => {
    const instance = consultationInstance(tx, congressId);
    const { timeZone } = tx.select({ timeZone: congresses.timeZone }).from(congresses).where(eq(congresses.id, congressId)).get()!;
    const rows = storedAssignments(tx, congressId);
    const meetings = acceptedMeetings(tx, congressId);
    const byCode = new Map(meetings.map((meeting) => [meeting.code, meeting]));
    const placedCodes = new Set(rows.map((row) => row.meeting));
    // Placing the stored plan as pins on a working state lets the engine say why each remaining meeting has no place.
    const problem = compileInstance({ ...instance, pinned: rows.map((row) => ({ meeting: row.meeting, slot: row.slot, table: row.table, ...(row.interpreter ? { interpreter: row.interpreter } : {}) })) });
    const state = new ScheduleState(problem);
    for (const pin of problem.pinned) state.place(pin.meeting, pin.slot, pin.table, pin.interpreter);
    const unscheduled = meetings
      .filter((meeting) => !placedCodes.has(meeting.code))
      .map((meeting) => ({
        meeting: meeting.code,
        buyer: meeting.buyer,
        supplier: meeting.supplier,
        reason: describeUnplaced(explainUnplaced(state, problem.meetingIds.indexOf(meeting.code)), language, timeZone),
      }));
    const schedule: ConsultationSchedule = {
      format: 'consultation-schedule/1',
      assignments: rows.map((row) => ({ meeting: row.meeting, slot: row.slot, table: row.table, ...(row.interpreter ? { interpreter: row.interpreter } : {}) })),
      unscheduled: unscheduled.map(({ meeting, reason }) => ({ meeting, reason })),
    };
    const check = checkSchedule(instance, schedule);
    const settings = tx
      .select({ publishedAt: congresses.consultationPublishedAt, revision: congresses.consultationPlanRevision, publishedRevision: congresses.consultationPublishedRevision })
      .from(congresses)
      .where(eq(congresses.id, congressId))
      .get()!;
    return {
      published: settings.publishedAt !== null,
      publishedAt: settings.publishedAt,
      revision: settings.revision,
      publishedRevision: settings.publishedRevision,
      meetings: meetings.length,
      placed: check.placed,
      priority: check.priority,
      upperBound: priorityUpperBound(compileInstance(instance)),
      gaps: check.gaps,
      breaks: check.breaks,
      assignments: rows
        .map((row) => ({ ...row, buyer: byCode.get(row.meeting)!.buyer, supplier: byCode.get(row.meeting)!.supplier, interpreter: row.interpreter ?? null }))
        .sort((x, y) => x.startsAt.localeCompare(y.startsAt) || x.table.localeCompare(y.table)),
      slots: instance.slots.map((slot) => ({ id: slot.id, start: slot.start })),
      tables: instance.tables.map((table) => table.id),
      interpreters: tx
        .select({ id: consultationInterpreters.code, name: consultationInterpreters.name, languages: consultationInterpreters.languages })
        .from(consultationInterpreters)
        .where(eq(consultationInterpreters.congressId, congressId))
        .orderBy(consultationInterpreters.code)
        .all(),
      unscheduled,
      ...companiesAndHomeTables(tx, congressId),
    };
  });
}

/** Replaces every unpinned assignment with `schedule`'s, after checking it against the live instance; the plan's revision goes up. */
export function storeSchedule(tx: Transaction, congressId: number, instance: ConsultationInstance, schedule: ConsultationSchedule) {
  const check = checkSchedule(instance, schedule);
  if (check.violations.length > 0) throw new ApiFailure(422, 'assignments', 'planInvalid', { problem: check.violations[0] });
  const idOf = <T extends { id: number; code: string }>(rows: T[]) => new Map(rows.map((row) => [row.code, row.id]));
  const meetingIds = idOf(tx.select({ id: consultationMeetings.id, code: consultationMeetings.code }).from(consultationMeetings).where(eq(consultationMeetings.congressId, congressId)).all());
  const slotIds = idOf(tx.select({ id: consultationSlots.id, code: consultationSlots.code }).from(consultationSlots).where(eq(consultationSlots.congressId, congressId)).all());
  const tableIds = idOf(tx.select({ id: consultationTables.id, code: consultationTables.code }).from(consultationTables).where(eq(consultationTables.congressId, congressId)).all());
  const interpreterIds = idOf(tx.select({ id: consultationInterpreters.id, code: consultationInterpreters.code }).from(consultationInterpreters).where(eq(consultationInterpreters.congressId, congressId)).all());
  const pinnedCodes = new Set((instance.pinned ?? []).map((pin) => pin.meeting));
  // Only the meetings still to plan are replaced: a no-show keeps the place it had, as a record.
  const planned = instance.meetings.map((meeting) => meetingIds.get(meeting.id)!);
  if (planned.length > 0) tx.delete(consultationAssignments).where(and(inArray(consultationAssignments.meetingId, planned), eq(consultationAssignments.pinned, false))).run();
  const rows = schedule.assignments
    .filter((assignment) => !pinnedCodes.has(assignment.meeting))
    .map((assignment) => ({
      meetingId: meetingIds.get(assignment.meeting)!,
      slotId: slotIds.get(assignment.slot)!,
      tableId: tableIds.get(assignment.table)!,
      interpreterId: assignment.interpreter ? interpreterIds.get(assignment.interpreter)! : null,
      pinned: false,
    }));
  for (let k = 0; k < rows.length; k += 500) tx.insert(consultationAssignments).values(rows.slice(k, k + 500)).run();
  return { ...check, revision: bumpRevision(tx, congressId) };
}

/**
 * Runs the engine on the live data (pinned meetings stay) in a worker thread and stores its plan as the draft.
 * The engine runs outside the write transaction; the plan is checked against the data again when stored.
 */
export async function runConsultationPlan(db: Executor, congressId: number, accountId: number, seconds: number, onProgress: (progress: PlanProgress) => void) {
  const schedule = await scheduleInWorker(consultationInstance(db, congressId), seconds, onProgress);
  return withTransaction(db, (tx) => {
    const check = storeSchedule(tx, congressId, consultationInstance(tx, congressId), schedule);
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'consultation.plan.run', entity: 'congress', entityId: congressId, data: { placed: check.placed, gaps: check.gaps, revision: check.revision } });
    return check.revision;
  });
}

/** Stores a `consultation-schedule/1` made elsewhere, when it is valid for the live data. */
export function importConsultationPlan(db: Executor, congressId: number, schedule: ConsultationSchedule, accountId: number): void {
  withTransaction(db, (tx) => {
    const check = storeSchedule(tx, congressId, consultationInstance(tx, congressId), schedule);
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'consultation.plan.import', entity: 'congress', entityId: congressId, data: { placed: check.placed, revision: check.revision } });
  });
}

/**
 * Publishes the plan of `revision`, the one the organiser reviewed. Another organiser's run, import or move since
 * then makes it 409: what goes out is always what somebody looked at.
 */
export function publishConsultationPlan(db: Executor, congressId: number, revision: number, accountId: number, host: string): void {
  withTransaction(db, (tx) => {
    if (revisionOf(tx, congressId) !== revision) throw new ApiFailure(409, 'revision', 'planReviewChanged');
    const again = tx.select({ at: congresses.consultationPublishedAt }).from(congresses).where(eq(congresses.id, congressId)).get()!.at !== null;
    tx.update(congresses).set({ consultationPublishedAt: nowIso(), consultationPublishedRevision: revision }).where(eq(congresses.id, congressId)).run();
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'consultation.plan.publish', entity: 'congress', entityId: congressId, data: { revision } });
    queueSchedulePublishedMessages(tx, congressId, { revision, again }, host);
  });
}
