import { isUiLanguage, fallbackLanguage } from '../../shared/languages.ts';
import { fullName } from '../../shared/person-name.ts';
import { inReaderLanguage } from '../../shared/localized-text.ts';
import { personalFeedPath } from '../calendar/feed-address.ts';
import { translatorFor } from '../i18n/translator.ts';
import { composeMail, personalPageUrl, siteUrl } from '../mail/mail-content.ts';
import { outboxRow } from '../mail/outbox.ts';
import type { DelegateRow, RegistrationStore } from './registration-store.ts';

/** What a message to a delegate about their registration tells them. */
export type RegistrationNews = 'confirmed' | 'pending' | 'waitlisted' | 'approved' | 'declined' | 'promoted' | 'promotedPending' | 'cancelled' | 'link';

/** Which news opens the delegate's calendar feed to them: those with a place, or one kept for them. */
const withCalendar: readonly RegistrationNews[] = ['confirmed', 'approved', 'promoted', 'link'];

/**
 * Queues, in the caller's transaction, the message that tells a delegate what happened to their registration, in the
 * language they registered in. With their personal `token` (at registration, or a link sent again) it carries their
 * personal link; otherwise a link to their page, which sends the personal link again on request. A message held
 * until `holdUntil` is not sent before then, so the change behind it can still be undone without the person hearing.
 */
export function queueRegistrationMessage(store: RegistrationStore, delegate: DelegateRow, news: RegistrationNews, options: { token?: string; holdUntil?: string } = {}): void {
  const { token } = options;
  if (!store.mailing) return;
  const language = isUiLanguage(delegate.uiLanguage) ? delegate.uiLanguage : fallbackLanguage;
  const t = translatorFor(language);
  const congress = store.statements.congressForMail.get({ congressId: store.congressId })!;
  const key = news === 'link' ? 'mail:link' : `mail:registration.${news}`;
  const paragraphs = [t(`${key}.body`, { congress: inReaderLanguage(congress.name, language, congress.languages) })];
  if (withCalendar.includes(news)) paragraphs.push(t('mail:calendar', { url: siteUrl(personalFeedPath(congress.slug, delegate.id, delegate.tokenHash)) }));
  const content = composeMail({
    language,
    congress,
    recipientName: fullName(delegate.givenName, delegate.familyName),
    subjectKey: `${key}.subject`,
    paragraphs,
    action: token ? { label: t('mail:openMyPage'), url: personalPageUrl(congress.slug, token) } : { label: t('mail:openMyPageAsk'), url: siteUrl(`/c/${congress.slug}/me`) },
    after: token ? [t('mail:keepLink'), ...(news === 'link' ? [t('mail:link.notYou')] : [])] : [],
  });
  const row = outboxRow({ congressId: store.congressId, kind: news === 'link' ? 'link' : `registration.${news}`, delegateId: delegate.id, to: delegate.email, toName: fullName(delegate.givenName, delegate.familyName), language, content });
  store.statements.insertMessage.run(options.holdUntil ? { ...row, nextAttemptAt: options.holdUntil } : row);
}
