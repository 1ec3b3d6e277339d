import { formatCalendarRange } from '../../shared/event-time.ts';
import { eq } from 'drizzle-orm';
import { congresses } from '../../db/schema/index.ts';
import type { UiLanguage } from '../../shared/languages.ts';
import { inReaderLanguage, type LocalizedText } from '../../shared/localized-text.ts';
import type { Executor } from '../database/transaction.ts';
import { translatorFor } from '../i18n/translator.ts';

/**
 * Stands for the site's address (`PUBLIC_URL`) in a stored message; the sender writes the address in its place when
 * it delivers, so the services that write messages never need to know it.
 */
export const siteAddress = '⟦site⟧';

/** An absolute link to a path of the site, as messages carry it. */
export const siteUrl = (path: string) => `${siteAddress}${path}`;

/** A delegate's own page in their edition, opened by their personal token. */
export const personalPageUrl = (congressSlug: string, token: string) => siteUrl(`/c/${congressSlug}/me#token=${encodeURIComponent(token)}`);

/** A message as it is mailed: its subject, a plain-text body and the same in HTML. */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

/** What a message says of the edition it comes from. */
export interface MailingCongress {
  slug: string;
  name: LocalizedText;
  languages: readonly string[];
  venue: LocalizedText;
  city: LocalizedText;
  startsOn: string;
  endsOn: string;
}

export function mailingCongress(db: Executor, congressId: number): MailingCongress {
  return db
    .select({ slug: congresses.slug, name: congresses.name, languages: congresses.languages, venue: congresses.venue, city: congresses.city, startsOn: congresses.startsOn, endsOn: congresses.endsOn })
    .from(congresses)
    .where(eq(congresses.id, congressId))
    .get()!;
}

/** A letter before it is written out: who it greets, what it says, and the one thing to click. */
export interface Letter {
  language: UiLanguage;
  congress: MailingCongress;
  recipientName: string;
  /** `mail:` key of the subject; it may name `{{congress}}` and any of `subjectParams`. */
  subjectKey?: string;
  subjectParams?: Record<string, string>;
  /** A subject written by someone (organisers), used as it is instead of `subjectKey`. */
  subject?: string;
  /** Whether the letter opens with the product's greeting; organisers who write their own leave it out. */
  greeting?: boolean;
  /** Paragraphs, already in the recipient's language. */
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Paragraphs after the action (what to keep private, what to ignore). */
  after?: string[];
}

/** A header's text on one line: a line break in a name typed by someone can never start a header of its own. */
export const oneLine = (text: string) => text.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);


/**
 * Writes a letter out in the recipient's language: greeting, paragraphs, the action as a link (a button in HTML),
 * the organisers' signature and a footer naming the edition, where and when.
 */
export function composeMail(letter: Letter): MailContent {
  const t = translatorFor(letter.language);
  const congress = inReaderLanguage(letter.congress.name, letter.language, letter.congress.languages);
  const subject = oneLine(letter.subject ?? t(letter.subjectKey!, { ...letter.subjectParams, congress }));
  const greeting = letter.greeting === false ? null : t('mail:greeting', { name: letter.recipientName });
  const signature = t('mail:signature', { congress });
  const place = (text: LocalizedText) => inReaderLanguage(text, letter.language, letter.congress.languages);
  const footer = t('mail:footer', { congress, venue: place(letter.congress.venue), city: place(letter.congress.city), dates: formatCalendarRange(letter.congress.startsOn, letter.congress.endsOn, letter.language) });
  const after = letter.after ?? [];
  const text = [
    ...(greeting ? [greeting] : []),
    ...letter.paragraphs,
    ...(letter.action ? [`${letter.action.label}:\n${letter.action.url}`] : []),
    ...after,
    signature,
    `--\n${footer}`,
  ].join('\n\n');
  const paragraph = (content: string) => `<p style="margin:0 0 16px">${escapeHtml(content).replaceAll('\n', '<br>')}</p>`;
  const html = [
    `<!doctype html><html lang="${letter.language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#f5f7fa;font-family:system-ui,-apple-system,\'Segoe UI\',\'Noto Sans\',sans-serif;color:#1d2433;line-height:1.5">',
    '<div style="max-width:560px;margin:0 auto;background:#fff;border:1px solid #dde2ea;border-radius:10px;padding:24px">',
    greeting ? paragraph(greeting) : '',
    ...letter.paragraphs.map(paragraph),
    letter.action
      ? `<p style="margin:0 0 16px"><a href="${escapeHtml(letter.action.url)}" style="display:inline-block;background:#0b5cad;color:#fff;text-decoration:none;padding:10px 18px;border-radius:6px">${escapeHtml(letter.action.label)}</a></p><p style="margin:0 0 16px;font-size:13px;color:#5c6578;word-break:break-all">${escapeHtml(letter.action.url)}</p>`
      : '',
    ...after.map(paragraph),
    paragraph(signature),
    `<p style="margin:24px 0 0;font-size:13px;color:#5c6578">${escapeHtml(footer)}</p>`,
    '</div></body></html>',
  ].join('');
  return { subject, text, html };
}
