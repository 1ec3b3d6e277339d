import { and, eq, isNotNull } from 'drizzle-orm';
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

/**
 * Mails each buyer's and supplier's delegate their day as just published, in their language: every meeting with time,
 * table, counterpart and interpreter, and the meetings as a calendar file. `host` names the site in the events' ids,
 * as the personal calendar feed does, so the file and the feed hold the same events. `again`: a plan was published before.
 */
export function queueSchedulePublishedMessages(tx: Transaction, congressId: number, plan: { revision: number; again: boolean }, host: string): void {
  const linked = tx
    .select({ delegate: delegates })
    .from(consultationParticipants)
    .innerJoin(delegates, eq(delegates.id, consultationParticipants.delegateId))
    .where(and(eq(consultationParticipants.congressId, congressId), isNotNull(consultationParticipants.delegateId)))
    .all();
  if (linked.length === 0) return;
  const congress = mailingCongress(tx, congressId);
  for (const { delegate } of linked) {
    const language = isUiLanguage(delegate.uiLanguage) ? delegate.uiLanguage : fallbackLanguage;
    const t = translatorFor(language);
    const day = myConsultation(tx, congressId, delegate.id, language);
    const lines = meetingLines(day, language);
    const content = composeMail({
      language,
      congress,
      recipientName: fullName(delegate.givenName, delegate.familyName),
      subjectKey: plan.again ? 'mail:consultation.updated.subject' : 'mail:consultation.published.subject',
      paragraphs: [
        t(plan.again ? 'mail:consultation.updated.body' : 'mail:consultation.published.body', { company: day.participant.company, count: lines.length }),
        lines.length > 0 ? lines.map((line) => `• ${line}`).join('\n') : t('mail:consultation.noMeetings'),
        t('mail:consultation.attached'),
      ],
      action: { label: t('mail:openMyPageAsk'), url: siteUrl(`/c/${congress.slug}/me`) },
    });
    const ics = meetingsIcs(day, language, `${congress.slug}.${host}`, plan.revision);
    queueMessage(tx, {
      congressId,
      kind: 'consultation.published',
      delegateId: delegate.id,
      to: delegate.email,
      toName: fullName(delegate.givenName, delegate.familyName),
      language,
      content,
      attachments: lines.length > 0 ? [{ filename: `consultation-${day.participant.code}.ics`, contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: Buffer.from(ics).toString('base64') }] : [],
    });
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
