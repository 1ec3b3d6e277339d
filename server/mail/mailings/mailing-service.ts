import { and, count, desc, eq, inArray } from 'drizzle-orm';
import { accounts, delegates, mailings, outboxMessages } from '../../../db/schema/index.ts';
import { fallbackLanguage, isUiLanguage, type UiLanguage } from '../../../shared/languages.ts';
import { inReaderLanguage, type LocalizedText } from '../../../shared/localized-text.ts';
import type { MailingDetail, MailingDraft, MailingList, MailingPreview, MailingRecipientsQuery } from '../../../shared/mailing-schema.ts';
import { fullName } from '../../../shared/person-name.ts';
import { personalFeedPath } from '../../calendar/feed-address.ts';
import { recordAudit } from '../../database/audit.ts';
import { nowIso, withTransaction, type Executor } from '../../database/transaction.ts';
import { ApiFailure } from '../../http/api-failure.ts';
import { isOneLine } from '../../http/reference-checks.ts';
import { translatorFor } from '../../i18n/translator.ts';
import { composeMail, mailingCongress, siteUrl, type MailContent, type MailingCongress } from '../mail-content.ts';
import { outboxRow, prepareOutboxInsert } from '../outbox.ts';
import { mailingRecipients } from './mailing-recipients.ts';
import { fillPlaceholders, unknownPlaceholder } from './placeholders.ts';

type Delegate = typeof delegates.$inferSelect;

/** Refuses a draft whose texts name a placeholder the product cannot fill, or a subject over several lines. */
function checkDraft(draft: MailingDraft): void {
  for (const part of ['subject', 'body'] as const) {
    for (const [language, text] of Object.entries(draft[part])) {
      const unknown = unknownPlaceholder(text!);
      if (unknown) throw new ApiFailure(400, `${part}.${language}`, 'unknownPlaceholder', { placeholder: `{${unknown}}`, known: '{name}, {congress}, {link}, {calendar}' });
      if (part === 'subject' && !isOneLine(text!)) throw new ApiFailure(400, `${part}.${language}`, 'oneLine');
    }
  }
}

/** One recipient's copy: the texts in their language (else the edition's), placeholders filled, in the product's letter. */
function renderFor(congress: MailingCongress, draft: MailingDraft, delegate: Delegate): { language: UiLanguage; content: MailContent } {
  const language = isUiLanguage(delegate.uiLanguage) ? delegate.uiLanguage : fallbackLanguage;
  const t = translatorFor(language);
  const name = fullName(delegate.givenName, delegate.familyName);
  const values = {
    name,
    congress: inReaderLanguage(congress.name, language, congress.languages),
    link: siteUrl(`/c/${congress.slug}/me`),
    calendar: siteUrl(personalFeedPath(congress.slug, delegate.id, delegate.tokenHash)),
  };
  const subject = fillPlaceholders(inReaderLanguage(draft.subject as LocalizedText, language, congress.languages), values);
  const body = fillPlaceholders(inReaderLanguage(draft.body as LocalizedText, language, congress.languages), values);
  const paragraphs = body.split(/\r?\n\s*\r?\n/).map((paragraph) => paragraph.trim()).filter(Boolean);
  return { language, content: composeMail({ language, congress, recipientName: name, subject, greeting: false, paragraphs, action: { label: t('mail:openMyPageAsk'), url: values.link } }) };
}

/** How many the draft would reach, in which languages, and how it reads for the first of them (the site's address shown as it will be). */
export function previewMailing(db: Executor, congressId: number, draft: MailingDraft, publicUrl: string): MailingPreview {
  checkDraft(draft);
  const recipients = mailingRecipients(db, congressId, draft.filter);
  const languages: Record<string, number> = {};
  for (const delegate of recipients) languages[delegate.uiLanguage] = (languages[delegate.uiLanguage] ?? 0) + 1;
  const first = recipients[0];
  if (!first) return { recipients: 0, languages, sample: null };
  const { language, content } = renderFor(mailingCongress(db, congressId), draft, first);
  const site = publicUrl.replace(/\/+$/, '');
  return { recipients: recipients.length, languages, sample: { name: fullName(first.givenName, first.familyName), to: first.email, language, subject: content.subject, text: content.text.replaceAll(siteUrl(''), site) } };
}

/**
 * Sends the draft: the mailing, one queued message per recipient and the audit row land in one transaction, so a
 * failure leaves nothing half-sent. A draft reaching nobody is refused.
 */
export function sendMailing(db: Executor, congressId: number, draft: MailingDraft, accountId: number): { id: number; recipients: number } {
  checkDraft(draft);
  return withTransaction(db, (tx) => {
    const recipients = mailingRecipients(tx, congressId, draft.filter);
    if (recipients.length === 0) throw new ApiFailure(400, 'filter', 'noRecipients');
    const congress = mailingCongress(tx, congressId);
    const { id } = tx.insert(mailings).values({ congressId, subject: draft.subject as Record<string, string>, body: draft.body as Record<string, string>, filter: draft.filter, recipients: recipients.length, createdBy: accountId, createdAt: nowIso() }).returning({ id: mailings.id }).get();
    const insert = prepareOutboxInsert(tx);
    for (const delegate of recipients) {
      const { language, content } = renderFor(congress, draft, delegate);
      insert.run(outboxRow({ congressId, kind: 'mailing', delegateId: delegate.id, to: delegate.email, toName: fullName(delegate.givenName, delegate.familyName), language, content, mailingId: id }));
    }
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'mailing.send', entity: 'mailing', entityId: id, data: { recipients: recipients.length, filter: draft.filter } });
    return { id, recipients: recipients.length };
  });
}

function deliveryCounts(db: Executor, mailingIds: number[]) {
  const rows = mailingIds.length === 0 ? [] : db.select({ mailingId: outboxMessages.mailingId, status: outboxMessages.status, n: count() }).from(outboxMessages).where(inArray(outboxMessages.mailingId, mailingIds)).groupBy(outboxMessages.mailingId, outboxMessages.status).all();
  return (mailingId: number) => {
    const counts = { queued: 0, sending: 0, sent: 0, failed: 0 };
    for (const row of rows) if (row.mailingId === mailingId) counts[row.status] = row.n;
    return counts;
  };
}

/** The edition's messages from organisers, newest first, each with its delivery so far. */
export function listMailings(db: Executor, congressId: number): MailingList['items'] {
  const rows = db
    .select({ mailing: mailings, createdBy: accounts.displayName })
    .from(mailings)
    .innerJoin(accounts, eq(accounts.id, mailings.createdBy))
    .where(eq(mailings.congressId, congressId))
    .orderBy(desc(mailings.id))
    .limit(200)
    .all();
  const counts = deliveryCounts(db, rows.map((row) => row.mailing.id));
  return rows.map(({ mailing, createdBy }) => ({ id: mailing.id, subject: mailing.subject, createdAt: mailing.createdAt, createdBy, recipients: mailing.recipients, counts: counts(mailing.id) }));
}

/** One message from organisers with each recipient's delivery (a page of them, by status if asked). */
export function mailingDetail(db: Executor, congressId: number, id: number, query: MailingRecipientsQuery): Omit<MailingDetail, 'sending'> {
  const row = db.select({ mailing: mailings, createdBy: accounts.displayName }).from(mailings).innerJoin(accounts, eq(accounts.id, mailings.createdBy)).where(and(eq(mailings.id, id), eq(mailings.congressId, congressId))).get();
  if (!row) throw new ApiFailure(404, 'id', 'notFound');
  const where = query.status ? and(eq(outboxMessages.mailingId, id), eq(outboxMessages.status, query.status)) : eq(outboxMessages.mailingId, id);
  const items = db
    .select({ delegateId: outboxMessages.delegateId, name: outboxMessages.toName, to: outboxMessages.toAddress, language: outboxMessages.language, status: outboxMessages.status, attempts: outboxMessages.attempts, lastError: outboxMessages.lastError, sentAt: outboxMessages.sentAt })
    .from(outboxMessages)
    .where(where)
    .orderBy(outboxMessages.id)
    .limit(query.limit ?? 100)
    .offset(query.offset ?? 0)
    .all();
  const { mailing, createdBy } = row;
  return {
    id: mailing.id,
    subject: mailing.subject,
    body: mailing.body,
    filter: mailing.filter,
    createdAt: mailing.createdAt,
    createdBy,
    recipients: mailing.recipients,
    counts: deliveryCounts(db, [id])(id),
    total: db.select({ n: count() }).from(outboxMessages).where(where).get()!.n,
    items: items.map((item) => ({ ...item, name: item.name ?? '' })),
  };
}
