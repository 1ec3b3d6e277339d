import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { congresses, delegates, visaLetters } from '../../db/schema/index.ts';
import { fallbackLanguage, isUiLanguage } from '../../shared/languages.ts';
import { fullName } from '../../shared/person-name.ts';
import type { VisaLetterReview } from '../../shared/visa-letter-schema.ts';
import { recordAudit } from '../database/audit.ts';
import { nowIso, withTransaction, type Executor } from '../database/transaction.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { translatorFor } from '../i18n/translator.ts';
import { composeMail, mailingCongress, siteUrl } from '../mail/mail-content.ts';
import { queueMessage, type OutgoingMessage } from '../mail/outbox.ts';
import { newVerificationCode } from './verification-code.ts';
import { renderVisaLetter } from './visa-letter-pdf.ts';
import { visaLetterForReview } from './visa-letter-service.ts';

/** The address a consulate opens to check a letter, in full. */
export const verificationUrl = (publicUrl: string, code: string) => `${publicUrl.replace(/\/+$/, '')}/verify/${code}`;

/** The letter of delegate `delegateId` as issued with `code` on `decidedAt`, read from the database and printed. */
function printLetter(db: Executor, congressId: number, delegateId: number, code: string, decidedAt: string, publicUrl: string): Promise<Buffer> {
  const congress = db.select().from(congresses).where(eq(congresses.id, congressId)).get()!;
  const row = db
    .select({ letter: visaLetters, organisation: delegates.organisation, jobTitle: delegates.jobTitle })
    .from(visaLetters)
    .innerJoin(delegates, eq(delegates.id, visaLetters.delegateId))
    .where(and(eq(visaLetters.congressId, congressId), eq(visaLetters.delegateId, delegateId)))
    .get()!;
  const { letter } = row;
  return renderVisaLetter({
    congress: { name: congress.name, theme: congress.theme, languages: congress.languages, venue: congress.venue, city: congress.city, startsOn: congress.startsOn, endsOn: congress.endsOn, settings: congress.visaLetter },
    holder: {
      passportName: letter.passportName!,
      nationality: letter.nationality,
      passportNumber: letter.passportNumber!,
      birthDate: letter.birthDate!,
      passportExpiry: letter.passportExpiry!,
      consulate: letter.consulate!,
      organisation: row.organisation,
      jobTitle: row.jobTitle,
    },
    issuedOn: DateTime.fromISO(decidedAt, { zone: congress.timeZone }).toISODate()!,
    verificationCode: code,
    verificationUrl: verificationUrl(publicUrl, code),
  });
}

type Decision = 'issued' | 'declined' | 'revoked';

/** The message that tells the delegate what became of their request, in their language; the issued letter goes with it. */
function decisionMessage(tx: Executor, congressId: number, delegateId: number, decision: Decision, details: { reason?: string; code?: string; letter?: Buffer }): OutgoingMessage {
  const delegate = tx.select().from(delegates).where(eq(delegates.id, delegateId)).get()!;
  const language = isUiLanguage(delegate.uiLanguage) ? delegate.uiLanguage : fallbackLanguage;
  const t = translatorFor(language);
  const congress = mailingCongress(tx, congressId);
  const name = fullName(delegate.givenName, delegate.familyName);
  const paragraphs = [t(`mail:visaLetter.${decision}.body`, { code: details.code ?? '' })];
  if (details.reason) paragraphs.push(t('mail:visaLetter.reason', { reason: details.reason }));
  return {
    congressId,
    kind: `visaLetter.${decision}`,
    delegateId,
    to: delegate.email,
    toName: name,
    language,
    content: composeMail({ language, congress, recipientName: name, subjectKey: `mail:visaLetter.${decision}.subject`, paragraphs, action: { label: t('mail:openMyPageAsk'), url: siteUrl(`/c/${congress.slug}/me`) } }),
    attachments: details.letter ? [{ filename: `visa-letter-${congress.slug}.pdf`, contentType: 'application/pdf', content: details.letter.toString('base64') }] : [],
  };
}

/** The request must still be waiting, and nobody else decided it meanwhile: checked again in the deciding transaction. */
function waitingRequest(tx: Executor, congressId: number, id: number) {
  const letter = tx.select().from(visaLetters).where(and(eq(visaLetters.id, id), eq(visaLetters.congressId, congressId))).get();
  if (!letter || letter.erasedAt) throw new ApiFailure(404, 'id', 'notFound');
  if (letter.status !== 'requested') throw new ApiFailure(409, 'status', 'notRequested');
  return letter;
}

/**
 * Issues the letter: a fresh verification code, the letter printed with it and mailed to the delegate, the decision
 * and its audit row, together. Only a confirmed delegate gets one. The letter is printed before the transaction
 * (printing is asynchronous); the transaction then checks again that the request is still waiting and unchanged.
 */
export async function approveVisaLetter(db: Executor, congressId: number, id: number, accountId: number, publicUrl: string): Promise<VisaLetterReview> {
  const before = waitingRequest(db, congressId, id);
  const delegate = db.select({ status: delegates.status }).from(delegates).where(eq(delegates.id, before.delegateId)).get()!;
  if (delegate.status !== 'confirmed') throw new ApiFailure(409, 'status', 'notConfirmed');
  const code = newVerificationCode();
  const decidedAt = nowIso();
  const letter = await printLetter(db, congressId, before.delegateId, code, decidedAt, publicUrl);
  withTransaction(db, (tx) => {
    const current = waitingRequest(tx, congressId, id);
    if (current.requestedAt !== before.requestedAt) throw new ApiFailure(409, 'status', 'notRequested');
    tx.update(visaLetters).set({ status: 'issued', verificationCode: code, decidedAt, decidedBy: accountId, declineReason: null }).where(eq(visaLetters.id, id)).run();
    queueMessage(tx, decisionMessage(tx, congressId, current.delegateId, 'issued', { code, letter }));
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'visaLetter.approve', entity: 'visaLetter', entityId: id, data: null });
  });
  return visaLetterForReview(db, congressId, id);
}

/** Declines a waiting request with the organisers' reason, which the delegate receives by mail. */
export function declineVisaLetter(db: Executor, congressId: number, id: number, accountId: number, reason: string): VisaLetterReview {
  withTransaction(db, (tx) => {
    const letter = waitingRequest(tx, congressId, id);
    tx.update(visaLetters).set({ status: 'declined', declineReason: reason.trim(), decidedAt: nowIso(), decidedBy: accountId }).where(eq(visaLetters.id, id)).run();
    queueMessage(tx, decisionMessage(tx, congressId, letter.delegateId, 'declined', { reason: reason.trim() }));
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'visaLetter.decline', entity: 'visaLetter', entityId: id, data: null });
  });
  return visaLetterForReview(db, congressId, id);
}

/** Revokes an issued letter: its verification page says so from now on, and the delegate is told why. */
export function revokeVisaLetter(db: Executor, congressId: number, id: number, accountId: number, reason: string): VisaLetterReview {
  withTransaction(db, (tx) => {
    const letter = tx.select().from(visaLetters).where(and(eq(visaLetters.id, id), eq(visaLetters.congressId, congressId))).get();
    if (!letter || letter.erasedAt) throw new ApiFailure(404, 'id', 'notFound');
    if (letter.status !== 'issued') throw new ApiFailure(409, 'status', 'visaLetterNotIssued');
    tx.update(visaLetters).set({ status: 'revoked', declineReason: reason.trim(), decidedAt: nowIso(), decidedBy: accountId }).where(eq(visaLetters.id, id)).run();
    queueMessage(tx, decisionMessage(tx, congressId, letter.delegateId, 'revoked', { reason: reason.trim() }));
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'visaLetter.revoke', entity: 'visaLetter', entityId: id, data: null });
  });
  return visaLetterForReview(db, congressId, id);
}

/** The delegate's issued letter as a PDF, printed again from what is stored (same code, same issue date). */
export function myVisaLetterPdf(db: Executor, congressId: number, delegateId: number, publicUrl: string): Promise<Buffer> {
  const letter = db.select().from(visaLetters).where(and(eq(visaLetters.congressId, congressId), eq(visaLetters.delegateId, delegateId))).get();
  if (!letter || letter.erasedAt) throw new ApiFailure(404, 'visaLetter', 'notFound');
  if (letter.status !== 'issued') throw new ApiFailure(409, 'status', 'visaLetterNotIssued');
  return printLetter(db, congressId, delegateId, letter.verificationCode!, letter.decidedAt!, publicUrl);
}
