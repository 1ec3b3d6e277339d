import { eq } from 'drizzle-orm';
import { consultationParticipants, consultationSlots } from '../../db/schema/index.ts';
import { buyerOnlyFields, supplierOnlyFields, type ProfilePatch } from '../../shared/consultation-directory-schema.ts';
import { recordAudit, type AuditEntry } from '../database/audit.ts';
import { withTransaction, type Executor } from '../database/transaction.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { checkCountryAndLanguages } from '../http/reference-checks.ts';
import { consultationInstance, storedAssignments } from './consultation-plan-service.ts';
import { checkMove } from './meeting-move.ts';
import { participantByCode } from './participant-service.ts';
import { congressTimeZone } from '../congress/congress-service.ts';

/** Editing a buyer's or supplier's profile, by the delegate who speaks for the company or by an organiser. */

const trimmedOrNull = (text: string | null | undefined) => (text === undefined ? undefined : text?.trim() || null);

/**
 * Changes the profile of participant `code`. Fields of the other role are refused, codes must name real countries,
 * languages and slots, and a change of languages or hours must leave every planned meeting of theirs valid: the plan
 * is never broken behind the organisers' backs (409 naming the meeting to move first). All or nothing.
 */
export function updateProfile(db: Executor, congressId: number, code: string, patch: ProfilePatch, actor: Pick<AuditEntry, 'actorType' | 'actorId'>): void {
  withTransaction(db, (tx) => {
    const participant = participantByCode(tx, congressId, code);
    const foreign = participant.role === 'buyer' ? supplierOnlyFields : buyerOnlyFields;
    for (const field of foreign) if (patch[field] !== undefined) throw new ApiFailure(422, field, 'notForRole', { role: participant.role });
    checkCountryAndLanguages(patch, { exportMarkets: patch.exportMarkets });
    if (patch.available) {
      const slots = new Set(tx.select({ code: consultationSlots.code }).from(consultationSlots).where(eq(consultationSlots.congressId, congressId)).all().map((slot) => slot.code));
      patch.available.forEach((slot, index) => {
        if (!slots.has(slot)) throw new ApiFailure(422, `available[${index}]`, 'unknownCode', { code: slot });
      });
    }
    const changes = {
      ...patch,
      company: patch.company?.trim(),
      wants: trimmedOrNull(patch.wants),
      miniCluster: trimmedOrNull(patch.miniCluster),
      certifications: patch.certifications?.map((name) => name.trim()),
    };
    tx.update(consultationParticipants).set(changes).where(eq(consultationParticipants.id, participant.id)).run();
    if (patch.languages !== undefined || patch.available !== undefined) checkPlannedMeetings(tx, congressId, code, patch.available !== undefined ? 'available' : 'languages');
    recordAudit(tx, { congressId, ...actor, action: 'consultation.participant.profile', entity: 'consultation_participant', entityId: participant.id, data: patch });
  });
}

/** Each planned meeting of `code`, checked again with the profile as changed; the first that no longer fits is refused. */
function checkPlannedMeetings(tx: Executor, congressId: number, code: string, field: 'available' | 'languages') {
  const instance = consultationInstance(tx, congressId);
  const rows = storedAssignments(tx, congressId);
  const places = rows.map((row) => ({ meeting: row.meeting, slot: row.slot, table: row.table, ...(row.interpreter ? { interpreter: row.interpreter } : {}) }));
  const mine = new Set(instance.meetings.filter((meeting) => meeting.buyer === code || meeting.supplier === code).map((meeting) => meeting.id));
  for (const [index, place] of places.entries()) {
    if (!mine.has(place.meeting)) continue;
    try {
      checkMove(instance, places.filter((other) => other !== place), place.meeting, { slot: place.slot, table: place.table, interpreter: place.interpreter ?? null });
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      throw new ApiFailure(409, field, 'planConflict', { meeting: place.meeting, at: new Date(rows[index]!.startsAt), formatParams: { at: { timeZone: congressTimeZone(tx, congressId) } } });
    }
  }
}
