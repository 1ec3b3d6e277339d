import { and, asc, eq, gt, isNull, ne } from 'drizzle-orm';
import { accountInvitations, accounts, accountSessions, congresses, congressMemberships } from '../../db/schema/index.ts';
import type { CongressRole } from '../../db/schema/congress-memberships.ts';
import { type AccountPatch, type InvitationCreated, type InvitationDetails, type TeamList } from '../../shared/team-schema.ts';
import { recordAudit } from '../database/audit.ts';
import type { AppDatabase } from '../database/connection.ts';
import { nowIso, withTransaction, type Executor } from '../database/transaction.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { accountInCongress, openSession } from './accounts-service.ts';
import { grantMembership, membershipOf } from './memberships.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { assertStrongPassword } from './password-strength.ts';
import { hashToken, invitationToken, newSecret, parseInvitationToken, sameHash } from './tokens.ts';
import type { UiLanguage } from '../../shared/languages.ts';
import { inReaderLanguage } from '../../shared/localized-text.ts';
import { translatorFor } from '../i18n/translator.ts';
import { composeMail, mailingCongress, siteUrl } from '../mail/mail-content.ts';
import { queueMessage } from '../mail/outbox.ts';

export const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;

const emailKey = (email: string) => email.trim().toLowerCase();

/** Who acts on the team: their account and their role in the congress. */
export interface TeamActor {
  accountId: number;
  role: CongressRole;
}

/** Only an owner names an owner or changes one. */
function checkOwnerOnly(actor: TeamActor, ...roles: (CongressRole | undefined)[]) {
  if (actor.role !== 'owner' && roles.includes('owner')) throw new ApiFailure(403, 'role', 'ownerOnly');
}

export function teamList(db: Executor, congressId: number, you: number): TeamList {
  const members = db
    .select({
      id: accounts.id,
      email: accounts.email,
      displayName: accounts.displayName,
      role: congressMemberships.role,
      createdAt: congressMemberships.createdAt,
      disabledAt: congressMemberships.disabledAt,
    })
    .from(congressMemberships)
    .innerJoin(accounts, eq(accounts.id, congressMemberships.accountId))
    .where(eq(congressMemberships.congressId, congressId))
    .orderBy(asc(accounts.displayName))
    .all();
  const pending = db
    .select({ id: accountInvitations.id, email: accountInvitations.email, role: accountInvitations.role, expiresAt: accountInvitations.expiresAt })
    .from(accountInvitations)
    .where(and(eq(accountInvitations.congressId, congressId), isNull(accountInvitations.acceptedAt), gt(accountInvitations.expiresAt, nowIso())))
    .orderBy(asc(accountInvitations.email))
    .all();
  return { you, accounts: members.map(({ disabledAt, ...member }) => ({ ...member, disabled: disabledAt !== null })), invitations: pending };
}

/** How an invitation is mailed: in which language (the inviter's), with times on which clock. */
export interface InvitationMail {
  language: UiLanguage;
  timeZone: string;
}

/**
 * Invites a person to the congress by email address and role, and mails them the one-time link, in the inviter's
 * language, in the same transaction; the link is also answered to the inviter, to pass on by hand if the mail does not
 * arrive. A newer invitation to the same address replaces the older one. A person who already has an account (of
 * another congress) is invited all the same and joins with the password they have.
 */
export function inviteAccount(db: Executor, congressId: number, input: { email: string; role: CongressRole }, actor: TeamActor, mail: InvitationMail): Omit<InvitationCreated, 'mailed'> {
  checkOwnerOnly(actor, input.role);
  const email = emailKey(input.email);
  const secret = newSecret();
  return withTransaction(db, (tx) => {
    const existing = tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email)).get();
    if (existing && membershipOf(tx, congressId, existing.id)) throw new ApiFailure(409, 'email', 'alreadyMember');
    const now = new Date();
    tx.update(accountInvitations)
      .set({ expiresAt: now.toISOString() })
      .where(and(eq(accountInvitations.congressId, congressId), eq(accountInvitations.email, email), isNull(accountInvitations.acceptedAt)))
      .run();
    const expiresAt = new Date(now.getTime() + invitationLifetimeMs).toISOString();
    const { id } = tx
      .insert(accountInvitations)
      .values({ congressId, email, role: input.role, tokenHash: hashToken(secret), invitedBy: actor.accountId, createdAt: now.toISOString(), expiresAt })
      .returning({ id: accountInvitations.id })
      .get();
    recordAudit(tx, { congressId, actorType: 'account', actorId: actor.accountId, action: 'account.invite', entity: 'account_invitation', entityId: id, data: { email, role: input.role } });
    const token = invitationToken(id, secret);
    const inviter = tx.select({ name: accounts.displayName }).from(accounts).where(eq(accounts.id, actor.accountId)).get()!.name;
    const t = translatorFor(mail.language);
    const congress = mailingCongress(tx, congressId);
    const until = new Intl.DateTimeFormat(mail.language, { dateStyle: 'long', timeStyle: 'short', timeZone: mail.timeZone }).format(new Date(expiresAt));
    const content = composeMail({
      language: mail.language,
      congress,
      recipientName: email,
      subjectKey: 'mail:invitation.subject',
      paragraphs: [t('mail:invitation.body', { inviter, congress: inReaderLanguage(congress.name, mail.language, congress.languages), role: t(`common:team.roles.${input.role}`), until })],
      action: { label: t('mail:invitation.action'), url: siteUrl(`/join#invite=${encodeURIComponent(token)}`) },
      after: [t('mail:keepLink')],
    });
    queueMessage(tx, { congressId, kind: 'invitation', to: email, language: mail.language, content });
    return { id, token, expiresAt };
  });
}

/** The invitation a one-time link stands for, while it can still be taken up; the used, lapsed and forged all get the same answer. */
function openInvitation(db: Executor, token: string) {
  const parsed = parseInvitationToken(token);
  const invitation = parsed ? db.select().from(accountInvitations).where(eq(accountInvitations.id, parsed.invitationId)).get() : undefined;
  if (!parsed || !invitation || invitation.acceptedAt || invitation.expiresAt <= nowIso() || !sameHash(invitation.tokenHash, hashToken(parsed.secret))) {
    throw new ApiFailure(410, 'token', 'invitationInvalid');
  }
  return invitation;
}

export function describeInvitation(db: Executor, token: string): InvitationDetails {
  const invitation = openInvitation(db, token);
  const congress = db.select({ name: congresses.name }).from(congresses).where(eq(congresses.id, invitation.congressId)).get()!;
  const accountExists = db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, invitation.email)).get() !== undefined;
  return { email: invitation.email, role: invitation.role, congress: congress.name, accountExists };
}

/**
 * Takes up an invitation and signs the person in to its congress. A newcomer's account is created with their name
 * and password; a person who has an account already proves it with its password and gains the membership.
 */
export async function acceptInvitation(db: AppDatabase, token: string, input: { displayName?: string | undefined; password: string }) {
  const invitation = openInvitation(db, token);
  const existing = db.select().from(accounts).where(eq(accounts.email, invitation.email)).get();
  let passwordHash: string | undefined;
  if (existing) {
    if (!(await verifyPassword(input.password, existing.passwordHash))) throw new ApiFailure(422, 'password', 'wrongPassword');
  } else {
    if (!input.displayName?.trim()) throw new ApiFailure(422, 'displayName', 'required');
    assertStrongPassword('password', input.password, [invitation.email, input.displayName]);
    passwordHash = await hashPassword(input.password);
  }
  const accountId = withTransaction(db, (tx) => {
    // Checked again: the link may have been used while the password was being hashed.
    const current = openInvitation(tx, token);
    const account = tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, current.email)).get();
    if (!account && !passwordHash) throw new ApiFailure(410, 'token', 'invitationInvalid');
    const id = account?.id ?? tx.insert(accounts).values({ email: current.email, displayName: input.displayName!.trim(), passwordHash: passwordHash!, createdAt: nowIso() }).returning({ id: accounts.id }).get().id;
    if (membershipOf(tx, current.congressId, id)) throw new ApiFailure(409, 'email', 'alreadyMember');
    grantMembership(tx, { congressId: current.congressId, accountId: id, role: current.role });
    tx.update(accountInvitations).set({ acceptedAt: nowIso() }).where(eq(accountInvitations.id, current.id)).run();
    recordAudit(tx, { congressId: current.congressId, actorType: 'account', actorId: id, action: 'account.join', entity: 'account', entityId: id, data: { role: current.role } });
    return id;
  });
  return { token: openSession(db, accountId), account: accountInCongress(db, invitation.congressId, accountId) };
}

/**
 * Changes a member's role in the congress, or disables or re-enables them there: a disabled member can no longer
 * act in this congress, through a session or an API token, and keeps what they have elsewhere. Nobody changes
 * themselves, so an owner who can sign in always remains.
 */
export function updateMembership(db: Executor, congressId: number, targetId: number, patch: AccountPatch, actor: TeamActor): void {
  withTransaction(db, (tx) => {
    const target = membershipOf(tx, congressId, targetId);
    if (!target) throw new ApiFailure(404, 'id', 'notFound');
    if (targetId === actor.accountId) throw new ApiFailure(409, 'id', 'ownAccount');
    checkOwnerOnly(actor, target.role, patch.role);
    const disabledAt = patch.disabled === undefined ? target.disabledAt : patch.disabled ? (target.disabledAt ?? nowIso()) : null;
    const role = patch.role ?? target.role;
    tx.update(congressMemberships)
      .set({ role, disabledAt })
      .where(and(eq(congressMemberships.congressId, congressId), eq(congressMemberships.accountId, targetId)))
      .run();
    const audit = { congressId, actorType: 'account' as const, actorId: actor.accountId, entity: 'account', entityId: targetId };
    if (role !== target.role) recordAudit(tx, { ...audit, action: 'account.role', data: { from: target.role, to: role } });
    if ((disabledAt === null) !== (target.disabledAt === null)) recordAudit(tx, { ...audit, action: disabledAt ? 'account.disable' : 'account.enable', data: null });
  });
}

/** Changes the own password after checking the current one; every other session of the account ends. */
export async function changePassword(db: AppDatabase, accountId: number, currentSession: string, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const account = db.select().from(accounts).where(eq(accounts.id, accountId)).get()!;
  if (!(await verifyPassword(input.currentPassword, account.passwordHash))) throw new ApiFailure(422, 'currentPassword', 'wrongPassword');
  assertStrongPassword('newPassword', input.newPassword, [account.email, account.displayName]);
  const passwordHash = await hashPassword(input.newPassword);
  withTransaction(db, (tx) => {
    tx.update(accounts).set({ passwordHash }).where(eq(accounts.id, accountId)).run();
    tx.delete(accountSessions).where(and(eq(accountSessions.accountId, accountId), ne(accountSessions.tokenHash, hashToken(currentSession)))).run();
    recordAudit(tx, { congressId: null, actorType: 'account', actorId: accountId, action: 'account.password', entity: 'account', entityId: accountId, data: null });
  });
}
