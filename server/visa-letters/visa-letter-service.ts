import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { congresses, delegates, visaLetters, type VisaLetterStatus } from '../../db/schema/index.ts';
import { isCountryCode } from '../../shared/countries.ts';
import { fullName } from '../../shared/person-name.ts';
import type { MyVisaLetter, VisaLetterRequestBody, VisaLetterReview, VisaLetterVerification } from '../../shared/visa-letter-schema.ts';
import { recordAudit, type AuditEntry } from '../database/audit.ts';
import { nowIso, withTransaction, type Executor } from '../database/transaction.ts';
import { ApiFailure, calendarDay } from '../http/api-failure.ts';
import { normaliseVerificationCode } from './verification-code.ts';

type VisaLetterRow = typeof visaLetters.$inferSelect;

/** Today on the edition's calendar. */
function todayIn(timeZone: string, now = new Date()): string {
  return DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!;
}

function letterOf(db: Executor, congressId: number, delegateId: number): VisaLetterRow | undefined {
  return db.select().from(visaLetters).where(and(eq(visaLetters.congressId, congressId), eq(visaLetters.delegateId, delegateId))).get();
}

/**
 * A delegate asks for a visa letter, or corrects a request still waiting. The passport must be valid after the
 * congress ends (consulates refuse a visa for a passport that runs out during the stay) and the birth date be past.
 * A request after a refusal or revocation starts over; a letter already issued stays as it is.
 */
export function requestVisaLetter(db: Executor, congressId: number, delegateId: number, body: VisaLetterRequestBody, now = new Date()): MyVisaLetter {
  return withTransaction(db, (tx) => {
    const congress = tx.select({ endsOn: congresses.endsOn, timeZone: congresses.timeZone }).from(congresses).where(eq(congresses.id, congressId)).get()!;
    const delegate = tx.select({ status: delegates.status, erasedAt: delegates.erasedAt }).from(delegates).where(and(eq(delegates.id, delegateId), eq(delegates.congressId, congressId))).get();
    if (!delegate || delegate.erasedAt) throw new ApiFailure(404, 'id', 'notFound');
    if (!['confirmed', 'pending', 'waitlisted'].includes(delegate.status)) throw new ApiFailure(409, 'status', 'registrationClosed', { status: delegate.status });
    if (!isCountryCode(body.nationality)) throw new ApiFailure(400, 'nationality', 'unknownCountry');
    if (body.birthDate >= todayIn(congress.timeZone, now)) throw new ApiFailure(400, 'birthDate', 'birthDateNotPast');
    if (body.passportExpiry <= congress.endsOn) throw new ApiFailure(400, 'passportExpiry', 'passportExpires', { date: calendarDay(congress.endsOn) });
    const existing = letterOf(tx, congressId, delegateId);
    if (existing?.status === 'issued') throw new ApiFailure(409, 'status', 'visaLetterIssued');
    const request = {
      passportName: body.passportName.trim().replace(/\s+/g, ' ').toUpperCase(),
      nationality: body.nationality,
      passportNumber: body.passportNumber.toUpperCase(),
      birthDate: body.birthDate,
      passportExpiry: body.passportExpiry,
      consulate: body.consulate.trim(),
      status: 'requested' as const,
      declineReason: null,
      verificationCode: null,
      requestedAt: nowIso(),
      decidedAt: null,
      decidedBy: null,
      erasedAt: null,
    };
    if (existing) tx.update(visaLetters).set(request).where(eq(visaLetters.id, existing.id)).run();
    else tx.insert(visaLetters).values({ congressId, delegateId, ...request }).run();
    // The history says that a request was made, never the passport it names.
    recordAudit(tx, { congressId, actorType: 'delegate', actorId: delegateId, action: 'visaLetter.request', entity: 'delegate', entityId: delegateId, data: null });
    return myVisaLetterIfAny(tx, congressId, delegateId)!;
  });
}

/** The delegate's own view of their request, or null before they make one: the passport number by its last three characters only. */
export function myVisaLetterIfAny(db: Executor, congressId: number, delegateId: number): MyVisaLetter | null {
  const letter = letterOf(db, congressId, delegateId);
  if (!letter || letter.erasedAt) return null;
  return {
    status: letter.status,
    passportName: letter.passportName ?? '',
    nationality: letter.nationality,
    passportNumberEnd: (letter.passportNumber ?? '').slice(-3),
    passportExpiry: letter.passportExpiry ?? '',
    consulate: letter.consulate ?? '',
    requestedAt: letter.requestedAt,
    decidedAt: letter.decidedAt,
    declineReason: letter.declineReason,
    verificationCode: letter.status === 'issued' ? letter.verificationCode : null,
  };
}

const reviewColumns = {
  letter: visaLetters,
  givenName: delegates.givenName,
  familyName: delegates.familyName,
  organisation: delegates.organisation,
  country: delegates.country,
  delegateStatus: delegates.status,
};

function toReview(row: { letter: VisaLetterRow; givenName: string; familyName: string; organisation: string | null; country: string; delegateStatus: string }): VisaLetterReview {
  const { letter } = row;
  return {
    id: letter.id,
    delegateId: letter.delegateId,
    delegateName: fullName(row.givenName, row.familyName),
    organisation: row.organisation,
    country: row.country,
    delegateStatus: row.delegateStatus,
    passportName: letter.passportName ?? '',
    nationality: letter.nationality,
    passportNumber: letter.passportNumber ?? '',
    birthDate: letter.birthDate ?? '',
    passportExpiry: letter.passportExpiry ?? '',
    consulate: letter.consulate ?? '',
    status: letter.status,
    requestedAt: letter.requestedAt,
    decidedAt: letter.decidedAt,
    declineReason: letter.declineReason,
    verificationCode: letter.verificationCode,
  };
}

/** The organisers' queue: waiting requests first, oldest first, then the decided ones, newest first. */
export function visaLetterQueue(db: Executor, congressId: number, status?: VisaLetterStatus) {
  // Letters whose passport data was erased are no longer anyone's to review.
  const kept = and(eq(visaLetters.congressId, congressId), isNull(visaLetters.erasedAt));
  const ofCongress = status ? and(kept, eq(visaLetters.status, status)) : kept;
  const byStatus = new Map(db.select({ status: visaLetters.status, n: count() }).from(visaLetters).where(kept).groupBy(visaLetters.status).all().map((row) => [row.status, row.n]));
  const rows = db.select(reviewColumns).from(visaLetters).innerJoin(delegates, eq(delegates.id, visaLetters.delegateId)).where(ofCongress).orderBy(asc(visaLetters.requestedAt)).all();
  const waiting = rows.filter((row) => row.letter.status === 'requested');
  const decided = rows.filter((row) => row.letter.status !== 'requested').sort((a, b) => (b.letter.decidedAt ?? '').localeCompare(a.letter.decidedAt ?? ''));
  return {
    counts: { requested: byStatus.get('requested') ?? 0, issued: byStatus.get('issued') ?? 0, declined: byStatus.get('declined') ?? 0, revoked: byStatus.get('revoked') ?? 0 },
    items: [...waiting, ...decided].map(toReview),
  };
}

export function visaLetterForReview(db: Executor, congressId: number, id: number): VisaLetterReview {
  const row = db.select(reviewColumns).from(visaLetters).innerJoin(delegates, eq(delegates.id, visaLetters.delegateId)).where(and(eq(visaLetters.id, id), eq(visaLetters.congressId, congressId))).get();
  if (!row || row.letter.erasedAt) throw new ApiFailure(404, 'id', 'notFound');
  return toReview(row);
}

/** What a consulate learns from a code: nothing but the holder, the congress, the issue date and whether it stands. */
export function verifyVisaLetter(db: Executor, typedCode: string): VisaLetterVerification {
  const code = normaliseVerificationCode(typedCode);
  const row = code
    ? db
        .select({ letter: visaLetters, name: congresses.name, languages: congresses.languages, startsOn: congresses.startsOn, endsOn: congresses.endsOn, city: congresses.city, timeZone: congresses.timeZone })
        .from(visaLetters)
        .innerJoin(congresses, eq(congresses.id, visaLetters.congressId))
        .where(eq(visaLetters.verificationCode, code))
        .get()
    : undefined;
  if (!row || !row.letter.decidedAt || !['issued', 'revoked'].includes(row.letter.status)) throw new ApiFailure(404, 'code', 'notFound');
  return {
    holderName: row.letter.passportName ?? '',
    nationality: row.letter.nationality,
    congress: row.name,
    congressLanguages: row.languages,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    city: row.city,
    issuedOn: DateTime.fromISO(row.letter.decidedAt, { zone: row.timeZone }).toISODate()!,
    revoked: row.letter.status === 'revoked',
  };
}

/**
 * A registration that ends (cancelled, declined) ends its letter: a waiting request is withdrawn and an issued letter
 * revoked, so that a consulate checking it learns that the holder no longer attends. In the caller's transaction.
 */
export function withdrawVisaLetter(tx: Executor, congressId: number, delegateId: number, actor: Pick<AuditEntry, 'actorType' | 'actorId'>): void {
  const letter = letterOf(tx, congressId, delegateId);
  if (!letter || (letter.status !== 'requested' && letter.status !== 'issued')) return;
  const status = letter.status === 'issued' ? 'revoked' : 'declined';
  tx.update(visaLetters).set({ status, decidedAt: letter.decidedAt ?? nowIso() }).where(eq(visaLetters.id, letter.id)).run();
  recordAudit(tx, { congressId, ...actor, action: status === 'revoked' ? 'visaLetter.revoke' : 'visaLetter.withdraw', entity: 'visaLetter', entityId: letter.id, data: null });
}

/** What is left of a letter once its passport data is erased: the decision, and no code that would verify it. */
const erasedPassport = () => ({ passportName: null, passportNumber: null, birthDate: null, passportExpiry: null, consulate: null, declineReason: null, verificationCode: null, erasedAt: nowIso() });

/** Erases a delegate's passport data; the letter's code then verifies nothing. In the caller's transaction. */
export function eraseVisaLetter(tx: Executor, delegateId: number): void {
  tx.update(visaLetters).set(erasedPassport()).where(and(eq(visaLetters.delegateId, delegateId), isNull(visaLetters.erasedAt))).run();
}

/** Erases the passport data of every letter of an edition at once (its retention ended); answers how many. */
export function eraseVisaLettersOf(tx: Executor, congressId: number): number {
  return tx.update(visaLetters).set(erasedPassport()).where(and(eq(visaLetters.congressId, congressId), isNull(visaLetters.erasedAt))).run().changes;
}
