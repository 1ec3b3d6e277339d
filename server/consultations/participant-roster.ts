import { and, count, eq, inArray, or } from 'drizzle-orm';
import { consultationArrivals, consultationAssignments, consultationMeetings, consultationOutcomes, consultationParticipants } from '../../db/schema/index.ts';
import type { ParticipantCreateBody } from '../../shared/consultation-schema.ts';
import { recordAudit } from '../database/audit.ts';
import { withTransaction, type Executor } from '../database/transaction.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { checkCountryAndLanguages } from '../http/reference-checks.ts';
import { hsHeadingFromCell } from '../imports/cell-values.ts';
import { participantByCode } from './participant-service.ts';

/** Adds a buyer or supplier by hand; a code the day already has is refused, as are fields of the other side. */
export function addParticipant(db: Executor, congressId: number, input: ParticipantCreateBody, accountId: number) {
  checkCountryAndLanguages(input, { exportMarkets: input.exportMarkets });
  input.hsCodes?.forEach((hs, index) => {
    if (hsHeadingFromCell(hs) !== hs) throw new ApiFailure(400, `hsCodes[${index}]`, 'unknownHsHeading', { value: hs });
  });
  const otherSide = input.role === 'buyer' ? (['complex', 'miniCluster', 'exportMarkets'] as const) : (['annualPurchaseUsd', 'wants'] as const);
  for (const field of otherSide) if (input[field] !== undefined && input[field] !== null) throw new ApiFailure(422, field, 'notForRole');
  return withTransaction(db, (tx) => {
    const taken = tx.select({ id: consultationParticipants.id }).from(consultationParticipants).where(and(eq(consultationParticipants.congressId, congressId), eq(consultationParticipants.code, input.code))).get();
    if (taken) throw new ApiFailure(409, 'code', 'codeTaken', { code: input.code });
    const row = tx
      .insert(consultationParticipants)
      .values({ hsCodes: [], exportMarkets: [], certifications: [], available: null, ...input, company: input.company.trim(), congressId })
      .returning()
      .get();
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'consultation.participant.create', entity: 'consultation_participant', entityId: row.id, data: { code: row.code, role: row.role } });
    return row;
  });
}

/**
 * Removes a buyer or supplier none of whose meetings is planned; their requests and pre-matched meetings that have no
 * place go with them. One with a planned meeting is refused, saying how many, so the plan is never broken.
 */
export function removeParticipant(db: Executor, congressId: number, code: string, accountId: number): void {
  withTransaction(db, (tx) => {
    const participant = participantByCode(tx, congressId, code);
    const theirs = or(eq(consultationMeetings.buyerId, participant.id), eq(consultationMeetings.supplierId, participant.id));
    const meetingIds = tx.select({ id: consultationMeetings.id }).from(consultationMeetings).where(theirs).all().map((row) => row.id);
    if (meetingIds.length > 0) {
      const { planned } = tx.select({ planned: count() }).from(consultationAssignments).where(inArray(consultationAssignments.meetingId, meetingIds)).get()!;
      if (planned > 0) throw new ApiFailure(409, 'participant', 'participantHasPlannedMeetings', { count: planned });
      // A meeting with no place was never held: it has no outcome to keep.
      tx.delete(consultationOutcomes).where(inArray(consultationOutcomes.meetingId, meetingIds)).run();
      tx.delete(consultationMeetings).where(inArray(consultationMeetings.id, meetingIds)).run();
    }
    tx.delete(consultationArrivals).where(eq(consultationArrivals.participantId, participant.id)).run();
    tx.delete(consultationParticipants).where(eq(consultationParticipants.id, participant.id)).run();
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'consultation.participant.delete', entity: 'consultation_participant', entityId: participant.id, data: { code, meetingsRemoved: meetingIds.length } });
  });
}
