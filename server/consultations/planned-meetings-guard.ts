import type { Executor } from '../database/transaction.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { congressTimeZone } from '../congress/congress-service.ts';
import { consultationInstance, storedAssignments } from './consultation-plan-service.ts';
import type { Assignment, ConsultationInstance } from './engine/contract.ts';
import { checkMove } from './meeting-move.ts';
import { inNames } from './refusal-names.ts';

/**
 * Checks again, against the data as the caller's transaction has just changed it, each planned meeting `affected`
 * picks; the first that no longer fits is refused as a 409 on `field`, naming the meeting and its time, so the plan is
 * never broken behind the organisers' backs and the caller's change rolls back with the refusal.
 */
export function refuseBrokenMeetings(tx: Executor, congressId: number, field: string, affected: (place: Assignment, meeting: ConsultationInstance['meetings'][number]) => boolean): void {
  const instance = consultationInstance(tx, congressId);
  const meetings = new Map(instance.meetings.map((meeting) => [meeting.id, meeting]));
  const rows = storedAssignments(tx, congressId);
  const places: Assignment[] = rows.map((row) => ({ meeting: row.meeting, slot: row.slot, table: row.table, ...(row.interpreter ? { interpreter: row.interpreter } : {}) }));
  for (const [index, place] of places.entries()) {
    const meeting = meetings.get(place.meeting);
    if (!meeting || !affected(place, meeting)) continue;
    try {
      checkMove(instance, places.filter((other) => other !== place), place.meeting, { slot: place.slot, table: place.table, interpreter: place.interpreter ?? null });
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      throw inNames(tx, congressId, new ApiFailure(409, field, 'planConflict', { meeting: place.meeting, at: new Date(rows[index]!.startsAt), formatParams: { at: { timeZone: congressTimeZone(tx, congressId) } } }));
    }
  }
}
