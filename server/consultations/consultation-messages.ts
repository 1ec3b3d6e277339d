import { and, eq, isNotNull } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { consultationParticipants, delegates } from '../../db/schema/index.ts';
import { countryName } from '../../shared/countries.ts';
import { fallbackLanguage, isUiLanguage } from '../../shared/languages.ts';
import { fullName } from '../../shared/person-name.ts';
import type { Transaction } from '../database/transaction.ts';
import { translatorFor } from '../i18n/translator.ts';
import { composeMail, mailingCongress, siteUrl } from '../mail/mail-content.ts';
import { queueMessage } from '../mail/outbox.ts';
import { myConsultation } from './participant-service.ts';
import { meetingLines, meetingsIcs } from './personal-schedule.ts';

/** Why a buyer or supplier gets their day by mail: the plan published, published again, or tomorrow's reminder. */
export type ScheduleNews = 'published' | 'updated' | 'reminder';

type DelegateRow = typeof delegates.$inferSelect;

/**
 * Queues, in the caller's transaction, a buyer's or supplier's day for their delegate, in their language: every meeting
 * with time, table, counterpart and interpreter (a reminder: the meetings of `day` alone). With `calendar`, the meetings
 * go along as a calendar file whose events have the personal feed's ids (`host` names the site in them, `revision` is
 * the plan's). A reminder goes once per delegate and day. Answers whether a message was queued.
 */
export function queueScheduleMessage(
  tx: Transaction,
  congressId: number,
  delegate: DelegateRow,
  news: ScheduleNews,
  options: { calendar?: { host: string; revision: number }; day?: string } = {},
): boolean {
  const language = isUiLanguage(delegate.uiLanguage) ? delegate.uiLanguage : fallbackLanguage;
  const t = translatorFor(language);
  const congress = mailingCongress(tx, congressId);
  const whole = myConsultation(tx, congressId, delegate.id, language);
  const onDay = (iso: string | null) => !options.day || (iso !== null && DateTime.fromISO(iso, { zone: whole.timeZone }).toISODate() === options.day);
  const day = { ...whole, meetings: whole.meetings.filter((meeting) => onDay(meeting.startsAt)) };
  const lines = meetingLines(day, language);
  if (news === 'reminder' && lines.length === 0) return false;
  const content = composeMail({
    language,
    congress,
    recipientName: fullName(delegate.givenName, delegate.familyName),
    subjectKey: `mail:consultation.${news}.subject`,
    paragraphs: [
      t(`mail:consultation.${news}.body`, { company: day.participant.company, count: lines.length }),
      lines.length > 0 ? lines.map((line) => `• ${line}`).join('\n') : t('mail:consultation.noMeetings'),
      ...(options.calendar && lines.length > 0 ? [t('mail:consultation.attached')] : []),
    ],
    action: { label: t('mail:openMyPageAsk'), url: siteUrl(`/c/${congress.slug}/me`) },
  });
  const calendar = options.calendar && lines.length > 0 ? meetingsIcs(day, language, `${congress.slug}.${options.calendar.host}`, options.calendar.revision) : null;
  return queueMessage(tx, {
    congressId,
    kind: news === 'reminder' ? 'reminder.consultation' : 'consultation.published',
    delegateId: delegate.id,
    to: delegate.email,
    toName: fullName(delegate.givenName, delegate.familyName),
    language,
    content,
    attachments: calendar ? [{ filename: `consultation-${day.participant.code}.ics`, contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: Buffer.from(calendar).toString('base64') }] : [],
    ...(news === 'reminder' ? { onceKey: `reminder:consultation:${delegate.id}:${options.day}` } : {}),
  });
}

/** The delegates who speak for a buyer or supplier of the edition. */
export function linkedDelegates(tx: Transaction, congressId: number): DelegateRow[] {
  return tx
    .select({ delegate: delegates })
    .from(consultationParticipants)
    .innerJoin(delegates, eq(delegates.id, consultationParticipants.delegateId))
    .where(and(eq(consultationParticipants.congressId, congressId), isNotNull(consultationParticipants.delegateId)))
    .all()
    .map((row) => row.delegate);
}

/**
 * Mails each buyer's and supplier's delegate their day as just published, with the meetings as a calendar file.
 * `again`: a plan was published before.
 */
export function queueSchedulePublishedMessages(tx: Transaction, congressId: number, plan: { revision: number; again: boolean }, host: string): void {
  for (const delegate of linkedDelegates(tx, congressId)) {
    queueScheduleMessage(tx, congressId, delegate, plan.again ? 'updated' : 'published', { calendar: { host, revision: plan.revision } });
  }
}

/** What a message about one meeting tells the side it goes to. */
export type MeetingNews = 'requestReceived' | 'requestAccepted' | 'requestDeclined' | 'rebooked';

/**
 * Queues, in the caller's transaction, a message to the delegate who speaks for participant `to` (nobody linked:
 * nothing) about a meeting with `counterpart`: a request received, accepted or declined, or a new time after a
 * re-booking (`place`: when and at which table).
 */
export function queueMeetingMessage(
  tx: Transaction,
  congressId: number,
  news: MeetingNews,
  sides: { to: number; counterpart: number },
  details: { message?: string | null; place?: { startsAt: string; table: string; timeZone: string } } = {},
): void {
  const recipient = tx
    .select({ delegate: delegates })
    .from(consultationParticipants)
    .innerJoin(delegates, eq(delegates.id, consultationParticipants.delegateId))
    .where(eq(consultationParticipants.id, sides.to))
    .get();
  if (!recipient) return;
  const other = tx.select({ company: consultationParticipants.company, country: consultationParticipants.country }).from(consultationParticipants).where(eq(consultationParticipants.id, sides.counterpart)).get()!;
  const { delegate } = recipient;
  const language = isUiLanguage(delegate.uiLanguage) ? delegate.uiLanguage : fallbackLanguage;
  const t = translatorFor(language);
  const congress = mailingCongress(tx, congressId);
  const place = details.place;
  const when = place ? new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short', timeZone: place.timeZone }).format(new Date(place.startsAt)) : '';
  const content = composeMail({
    language,
    congress,
    recipientName: fullName(delegate.givenName, delegate.familyName),
    subjectKey: `mail:meetings.${news}.subject`,
    subjectParams: { company: other.company },
    paragraphs: [
      t(`mail:meetings.${news}.body`, { company: other.company, country: countryName(other.country, language), when, table: place?.table ?? '' }),
      ...(details.message ? [t('mail:meetings.theirMessage', { message: details.message })] : []),
    ],
    action: { label: t('mail:openMyPageAsk'), url: siteUrl(`/c/${congress.slug}/me`) },
  });
  queueMessage(tx, { congressId, kind: `consultation.${news}`, delegateId: delegate.id, to: delegate.email, toName: fullName(delegate.givenName, delegate.familyName), language, content });
}
