import { and, count, eq, gt, isNull } from 'drizzle-orm';
import { accounts, accountSessions, passwordResets } from '../../db/schema/index.ts';
import type { UiLanguage } from '../../shared/languages.ts';
import { recordAudit } from '../database/audit.ts';
import type { AppDatabase } from '../database/connection.ts';
import { nowIso, withTransaction, type Executor } from '../database/transaction.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { translatorFor } from '../i18n/translator.ts';
import { composeMail, mailingCongress, siteUrl } from '../mail/mail-content.ts';
import { queueMessage } from '../mail/outbox.ts';
import { hashPassword } from './password.ts';
import { assertStrongPassword } from './password-strength.ts';
import { hashToken, newSecret, parsePasswordResetToken, passwordResetToken, sameHash } from './tokens.ts';

/** How long a reset link works, and how many an address is sent in an hour (so nobody floods a mailbox). */
export const resetLinkLifetimeMs = 60 * 60_000;
export const resetMailsPerHour = 3;

/**
 * Mails a one-time link to choose a new password to the account with this address, in the asker's language, from the
 * edition it was asked on. Whether or not an account has the address, nothing tells the asker: the route answers the
 * same. A newer link replaces the older ones; beyond three an hour, nothing more is sent.
 */
export function requestPasswordReset(db: Executor, congressId: number, email: string, language: UiLanguage, timeZone: string): void {
  withTransaction(db, (tx) => {
    const account = tx.select().from(accounts).where(eq(accounts.email, email.trim().toLowerCase())).get();
    if (!account) return;
    const now = new Date();
    const hourAgo = new Date(now.getTime() - 60 * 60_000).toISOString();
    const recent = tx.select({ n: count() }).from(passwordResets).where(and(eq(passwordResets.accountId, account.id), gt(passwordResets.createdAt, hourAgo))).get()!.n;
    if (recent >= resetMailsPerHour) return;
    tx.update(passwordResets).set({ expiresAt: now.toISOString() }).where(and(eq(passwordResets.accountId, account.id), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now.toISOString()))).run();
    const secret = newSecret();
    const expiresAt = new Date(now.getTime() + resetLinkLifetimeMs).toISOString();
    const { id } = tx.insert(passwordResets).values({ accountId: account.id, tokenHash: hashToken(secret), createdAt: now.toISOString(), expiresAt }).returning({ id: passwordResets.id }).get();
    const t = translatorFor(language);
    const congress = mailingCongress(tx, congressId);
    const until = new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone }).format(new Date(expiresAt));
    const content = composeMail({
      language,
      congress,
      recipientName: account.displayName,
      subjectKey: 'mail:passwordReset.subject',
      paragraphs: [t('mail:passwordReset.body', { until })],
      action: { label: t('mail:passwordReset.action'), url: siteUrl(`/c/${congress.slug}/organiser/reset#token=${encodeURIComponent(passwordResetToken(id, secret))}`) },
      after: [t('mail:passwordReset.notYou')],
    });
    queueMessage(tx, { congressId, kind: 'passwordReset', to: account.email, toName: account.displayName, language, content });
    recordAudit(tx, { congressId, actorType: 'account', actorId: account.id, action: 'account.passwordResetAsked', entity: 'account', entityId: account.id, data: null });
  });
}

/** The reset a link stands for while it can be used; a used, lapsed, replaced or forged link gets one answer. */
function openReset(db: Executor, token: string) {
  const parsed = parsePasswordResetToken(token);
  const reset = parsed ? db.select().from(passwordResets).where(eq(passwordResets.id, parsed.resetId)).get() : undefined;
  if (!parsed || !reset || reset.usedAt || reset.expiresAt <= nowIso() || !sameHash(reset.tokenHash, hashToken(parsed.secret))) throw new ApiFailure(410, 'token', 'resetLinkInvalid');
  return reset;
}

/**
 * Sets the new password from a reset link, once: the link is spent, every session of the account ends (whoever held
 * one), and the history records it. The link is checked again in the writing transaction, so two uses at once set
 * one password.
 */
export async function resetPassword(db: AppDatabase, token: string, password: string): Promise<void> {
  const { accountId } = openReset(db, token);
  const account = db.select({ email: accounts.email, displayName: accounts.displayName }).from(accounts).where(eq(accounts.id, accountId)).get()!;
  assertStrongPassword('password', password, [account.email, account.displayName]);
  const passwordHash = await hashPassword(password);
  withTransaction(db, (tx) => {
    const reset = openReset(tx, token);
    tx.update(passwordResets).set({ usedAt: nowIso() }).where(eq(passwordResets.id, reset.id)).run();
    tx.update(accounts).set({ passwordHash }).where(eq(accounts.id, reset.accountId)).run();
    tx.delete(accountSessions).where(eq(accountSessions.accountId, reset.accountId)).run();
    recordAudit(tx, { congressId: null, actorType: 'account', actorId: reset.accountId, action: 'account.passwordReset', entity: 'account', entityId: reset.accountId, data: null });
  });
}
