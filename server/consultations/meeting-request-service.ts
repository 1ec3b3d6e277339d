import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { congresses, consultationMeetings, consultationParticipants, consultationSlots } from '../../db/schema/index.ts';
import type { MeetingRequest } from '../../shared/consultation-request-schema.ts';
import { recordAudit } from '../database/audit.ts';
import { queueMeetingMessage } from './consultation-messages.ts';
import { nowIso, withTransaction, type Executor, type Transaction } from '../database/transaction.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { participantByCode, participantOfDelegate } from './participant-service.ts';

type ParticipantRow = typeof consultationParticipants.$inferSelect;

/** Meeting requests between buyers and suppliers, and the organisers' pre-matches: the meetings the day is planned with. */

/** How many meetings the day can hold for a participant: the slots they attend. */
function meetingCap(tx: Transaction, congressId: number, participant: ParticipantRow): number {
  return participant.available?.length ?? tx.select({ n: sql<number>`count(*)` }).from(consultationSlots).where(eq(consultationSlots.congressId, congressId)).get()!.n;
}

/** Meetings a participant has requested or agreed to. */
function meetingsOf(tx: Transaction, participantId: number, statuses: ('requested' | 'accepted')[]): number {
  return tx
    .select({ n: sql<number>`count(*)` })
    .from(consultationMeetings)
    .where(and(inArray(consultationMeetings.status, statuses), or(eq(consultationMeetings.buyerId, participantId), eq(consultationMeetings.supplierId, participantId))))
    .get()!.n;
}

function refuseOverCap(tx: Transaction, congressId: number, participant: ParticipantRow, statuses: ('requested' | 'accepted')[]) {
  const max = meetingCap(tx, congressId, participant);
  if (meetingsOf(tx, participant.id, statuses) >= max) throw new ApiFailure(409, 'counterpart', 'tooManyMeetings', { max });
}

/** The highest meeting number of the congress so far (0 when none). */
export function lastMeetingNumber(tx: Executor, congressId: number): number {
  // By number, not by text: M1000 comes after M999.
  return tx.select({ n: sql<number | null>`max(cast(substr(${consultationMeetings.code}, 2) as integer))` }).from(consultationMeetings).where(eq(consultationMeetings.congressId, congressId)).get()!.n ?? 0;
}

export const meetingCode = (number: number): string => `M${String(number).padStart(3, '0')}`;

function nextMeetingCode(tx: Transaction, congressId: number): string {
  return meetingCode(lastMeetingNumber(tx, congressId) + 1);
}

function requestsOpen(tx: Transaction, congressId: number): boolean {
  const settings = tx.select({ closeAt: congresses.consultationRequestsCloseAt, publishedAt: congresses.consultationPublishedAt }).from(congresses).where(eq(congresses.id, congressId)).get()!;
  return settings.publishedAt === null && (settings.closeAt === null || Date.now() < Date.parse(settings.closeAt));
}

/**
 * A buyer's or supplier's request to meet someone of the other side, while requests are open and the day still has
 * room for them. The count and the insert run in one transaction with nothing awaited between them.
 */
export function requestMeeting(db: Executor, congressId: number, delegateId: number, counterpartCode: string, message: string | undefined): string {
  return withTransaction(db, (tx) => {
    const me = participantOfDelegate(tx, congressId, delegateId);
    if (!requestsOpen(tx, congressId)) throw new ApiFailure(409, 'counterpart', 'requestsClosed');
    const other = participantByCode(tx, congressId, counterpartCode, 422, 'counterpart');
    if (other.role === me.role) throw new ApiFailure(422, 'counterpart', 'sameSide');
    const [buyer, supplier] = me.role === 'buyer' ? [me, other] : [other, me];
    const existing = tx.select({ status: consultationMeetings.status }).from(consultationMeetings).where(and(eq(consultationMeetings.buyerId, buyer.id), eq(consultationMeetings.supplierId, supplier.id))).get();
    if (existing && existing.status !== 'declined') throw new ApiFailure(409, 'counterpart', 'alreadyRequested', { company: other.company });
    refuseOverCap(tx, congressId, me, ['requested', 'accepted']);
    const code = nextMeetingCode(tx, congressId);
    const values = { congressId, code, buyerId: buyer.id, supplierId: supplier.id, priority: 1, origin: me.role, status: 'requested' as const, message: message?.trim() || null, createdAt: nowIso() };
    const { id } = tx
      .insert(consultationMeetings)
      .values(values)
      .onConflictDoUpdate({ target: [consultationMeetings.buyerId, consultationMeetings.supplierId], set: { origin: me.role, status: 'requested', message: values.message, createdAt: values.createdAt } })
      .returning({ id: consultationMeetings.id })
      .get();
    recordAudit(tx, { congressId, actorType: 'delegate', actorId: delegateId, action: 'consultation.request', entity: 'consultation_meeting', entityId: id, data: { counterpart: other.code } });
    queueMeetingMessage(tx, congressId, 'requestReceived', { to: other.id, counterpart: me.id }, { message: values.message });
    return tx.select({ code: consultationMeetings.code }).from(consultationMeetings).where(eq(consultationMeetings.id, id)).get()!.code;
  });
}

/** The other side accepts (when their day has room) or declines a request. */
export function answerRequest(db: Executor, congressId: number, delegateId: number, meetingCode: string, answer: 'accepted' | 'declined'): void {
  withTransaction(db, (tx) => {
    const me = participantOfDelegate(tx, congressId, delegateId);
    const meeting = tx.select().from(consultationMeetings).where(and(eq(consultationMeetings.congressId, congressId), eq(consultationMeetings.code, meetingCode))).get();
    if (!meeting || (meeting.buyerId !== me.id && meeting.supplierId !== me.id)) throw new ApiFailure(404, 'meeting', 'notFound');
    if (meeting.status !== 'requested') throw new ApiFailure(409, 'meeting', 'notRequested');
    if (meeting.origin === me.role) throw new ApiFailure(403, 'meeting', 'ownRequest');
    if (answer === 'accepted') refuseOverCap(tx, congressId, me, ['accepted']);
    tx.update(consultationMeetings).set({ status: answer }).where(eq(consultationMeetings.id, meeting.id)).run();
    recordAudit(tx, { congressId, actorType: 'delegate', actorId: delegateId, action: `consultation.request.${answer}`, entity: 'consultation_meeting', entityId: meeting.id, data: null });
    // The side that asked hears the answer.
    const asker = meeting.buyerId === me.id ? meeting.supplierId : meeting.buyerId;
    queueMeetingMessage(tx, congressId, answer === 'accepted' ? 'requestAccepted' : 'requestDeclined', { to: asker, counterpart: me.id });
  });
}

/** An organiser's pre-match: the pair will meet, with a priority; a pending request between them is accepted by it. */
export function prematch(db: Executor, congressId: number, buyerCode: string, supplierCode: string, priority: number, accountId: number, origin: 'prematch' | 'walk-in' = 'prematch'): string {
  return withTransaction(db, (tx) => {
    const buyer = participantByCode(tx, congressId, buyerCode, 422, 'buyer');
    const supplier = participantByCode(tx, congressId, supplierCode, 422, 'supplier');
    if (buyer.role !== 'buyer') throw new ApiFailure(422, 'buyer', 'sameSide');
    if (supplier.role !== 'supplier') throw new ApiFailure(422, 'supplier', 'sameSide');
    const existing = tx.select().from(consultationMeetings).where(and(eq(consultationMeetings.buyerId, buyer.id), eq(consultationMeetings.supplierId, supplier.id))).get();
    if (existing?.status === 'accepted') throw new ApiFailure(409, 'supplier', 'alreadyRequested', { company: supplier.company });
    const { id, code } = existing
      ? tx.update(consultationMeetings).set({ status: 'accepted', priority }).where(eq(consultationMeetings.id, existing.id)).returning({ id: consultationMeetings.id, code: consultationMeetings.code }).get()!
      : tx
          .insert(consultationMeetings)
          .values({ congressId, code: nextMeetingCode(tx, congressId), buyerId: buyer.id, supplierId: supplier.id, priority, origin, status: 'accepted', createdAt: nowIso() })
          .returning({ id: consultationMeetings.id, code: consultationMeetings.code })
          .get();
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: `consultation.${origin}`, entity: 'consultation_meeting', entityId: id, data: { priority } });
    return code;
  });
}

const counterpart = alias(consultationParticipants, 'counterpart');

/** A participant's requests, both ways, and their pre-matches. */
export function myRequests(db: Executor, congressId: number, delegateId: number): MeetingRequest[] {
  const me = participantOfDelegate(db, congressId, delegateId);
  const otherSide = me.role === 'buyer' ? consultationMeetings.supplierId : consultationMeetings.buyerId;
  const mine = me.role === 'buyer' ? consultationMeetings.buyerId : consultationMeetings.supplierId;
  return db
    .select({ meeting: consultationMeetings.code, origin: consultationMeetings.origin, status: consultationMeetings.status, message: consultationMeetings.message, code: counterpart.code, company: counterpart.company, country: counterpart.country })
    .from(consultationMeetings)
    .innerJoin(counterpart, eq(counterpart.id, otherSide))
    .where(eq(mine, me.id))
    .orderBy(consultationMeetings.code)
    .all()
    .map((row) => ({
      meeting: row.meeting,
      direction: row.origin === 'prematch' || row.origin === 'walk-in' ? ('prematch' as const) : row.origin === me.role ? ('outgoing' as const) : ('incoming' as const),
      counterpart: { code: row.code, company: row.company, country: row.country },
      status: row.status,
      message: row.message,
    }));
}

export function setRequestsDeadline(db: Executor, congressId: number, closeAt: string | null, accountId: number): void {
  withTransaction(db, (tx) => {
    tx.update(congresses).set({ consultationRequestsCloseAt: closeAt }).where(eq(congresses.id, congressId)).run();
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'consultation.requests.deadline', entity: 'congress', entityId: congressId, data: { closeAt } });
  });
}
