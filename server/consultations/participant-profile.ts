import { eq } from 'drizzle-orm';
import { consultationParticipants } from '../../db/schema/index.ts';
import { checkSlotCodes } from './day-setup/slot-service.ts';
import { buyerOnlyFields, supplierOnlyFields, type ProfilePatch } from '../../shared/consultation-directory-schema.ts';
import { recordAudit, type AuditEntry } from '../database/audit.ts';
import { withTransaction, type Executor } from '../database/transaction.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { checkCountryAndLanguages } from '../http/reference-checks.ts';
import { refuseBrokenMeetings } from './planned-meetings-guard.ts';
import { participantByCode } from './participant-service.ts';

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
    if (patch.available) checkSlotCodes(tx, congressId, 'available', patch.available);
    const changes = {
      ...patch,
      company: patch.company?.trim(),
      wants: trimmedOrNull(patch.wants),
      miniCluster: trimmedOrNull(patch.miniCluster),
      certifications: patch.certifications?.map((name) => name.trim()),
    };
    tx.update(consultationParticipants).set(changes).where(eq(consultationParticipants.id, participant.id)).run();
    if (patch.languages !== undefined || patch.available !== undefined) {
      refuseBrokenMeetings(tx, congressId, patch.available !== undefined ? 'available' : 'languages', (_place, meeting) => meeting.buyer === code || meeting.supplier === code);
    }
    recordAudit(tx, { congressId, ...actor, action: 'consultation.participant.profile', entity: 'consultation_participant', entityId: participant.id, data: patch });
  });
}
