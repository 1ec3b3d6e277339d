import { eq } from 'drizzle-orm';
import { congresses, delegates, tourBuses, tourSeats, tours } from '../../db/schema/index.ts';
import { fallbackLanguage, isUiLanguage } from '../../shared/languages.ts';
import { inReaderLanguage } from '../../shared/localized-text.ts';
import { fullName } from '../../shared/person-name.ts';
import type { Executor } from '../database/transaction.ts';
import { translatorFor } from '../i18n/translator.ts';
import { composeMail, mailingCongress, siteUrl } from '../mail/mail-content.ts';
import { queueMessage } from '../mail/outbox.ts';

/**
 * Queues, in the caller's transaction, the message that gives a delegate their seat (or, as a `reminder` the day
 * before, recalls it): the tour, the bus, when it leaves from where and when it is back, on the edition's clock, in
 * the delegate's language. A reminder goes once per seat and departure. Answers whether a message was queued.
 */
export function queueTourSeatMessage(tx: Executor, delegateId: number, reminder = false): boolean {
  const row = tx
    .select({ delegate: delegates, bus: tourBuses.label, tour: tours, timeZone: congresses.timeZone })
    .from(tourSeats)
    .innerJoin(delegates, eq(delegates.id, tourSeats.delegateId))
    .innerJoin(tourBuses, eq(tourBuses.id, tourSeats.busId))
    .innerJoin(tours, eq(tours.id, tourBuses.tourId))
    .innerJoin(congresses, eq(congresses.id, delegates.congressId))
    .where(eq(tourSeats.delegateId, delegateId))
    .get();
  if (!row) return false;
  const { delegate, tour } = row;
  const language = isUiLanguage(delegate.uiLanguage) ? delegate.uiLanguage : fallbackLanguage;
  const t = translatorFor(language);
  const congress = mailingCongress(tx, delegate.congressId);
  const text = (value: Parameters<typeof inReaderLanguage>[0]) => inReaderLanguage(value, language, congress.languages);
  const when = new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short', timeZone: row.timeZone });
  const time = new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone: row.timeZone });
  const content = composeMail({
    language,
    congress,
    recipientName: fullName(delegate.givenName, delegate.familyName),
    subjectKey: reminder ? 'mail:tours.reminder.subject' : 'mail:tours.seat.subject',
    subjectParams: { tour: text(tour.title) },
    paragraphs: [
      t(reminder ? 'mail:tours.reminder.body' : 'mail:tours.seat.body', { bus: text(row.bus), tour: text(tour.title), departs: when.format(new Date(tour.departsAt)), meetingPoint: text(tour.meetingPoint), returns: time.format(new Date(tour.returnsAt)) }),
      t('mail:tours.seat.giveUp'),
    ],
    action: { label: t('mail:openMyPageAsk'), url: siteUrl(`/c/${congress.slug}/me`) },
  });
  return queueMessage(tx, {
    congressId: delegate.congressId,
    kind: reminder ? 'reminder.tour' : 'tour.seat',
    delegateId,
    to: delegate.email,
    toName: fullName(delegate.givenName, delegate.familyName),
    language,
    content,
    ...(reminder ? { onceKey: `reminder:tour:${delegateId}:${tour.departsAt}` } : {}),
  });
}
