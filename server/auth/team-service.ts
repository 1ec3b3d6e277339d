import { and, asc, eq, gt, isNull, ne } from 'drizzle-orm';
import { accountInvitations, accounts, accountSessions } from '../../db/schema/index.ts';
import type { AccountRole } from '../../db/schema/accounts.ts';
import type { InvitationCreated, TeamList } from '../../shared/team-schema.ts';
import { recordAudit } from '../database/audit.ts';
import type { AppDatabase } from '../database/connection.ts';
import { nowIso, withTransaction, type Executor } from '../database/transaction.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { openSession } from './accounts-service.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { hashToken, invitationToken, newSecret, parseInvitationToken, sameHash } from './tokens.ts';

export const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;

const emailKey = (email: string) => email.trim().toLowerCase();

export function teamList(db: Executor, you: number): TeamList {
  const members = db
    .select({ id: accounts.id, email: accounts.email, displayName: accounts.displayName, role: accounts.role, createdAt: accounts.createdAt, disabledAt: accounts.disabledAt })
    .from(accounts)
    .orderBy(asc(accounts.displayName))
    .all();
  const pending = db
    .select({ id: accountInvitations.id, email: accountInvitations.email, role: accountInvitations.role, expiresAt: accountInvitations.expiresAt })
    .from(accountInvitations)
    .where(and(isNull(accountInvitations.acceptedAt), gt(accountInvitations.expiresAt, nowIso())))
    .orderBy(asc(accountInvitations.email))
    .all();
  return { you, accounts: members.map(({ disabledAt, ...member }) => ({ ...member, disabled: disabledAt !== null })), invitations: pending };
}

/**
 * Invites a person by email address and role. The one-time link is answered to the inviter (there is no outgoing
 * mail yet); a newer invitation to the same address replaces the older one.
 */
export function inviteAccount(db: Executor, congressId: number, input: { email: string; role: AccountRole }, accountId: number): InvitationCreated {
  const email = emailKey(input.email);
  const secret = newSecret();
  return withTransaction(db, (tx) => {
    if (tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email)).get()) throw new ApiFailure(409, 'email', 'accountExists');
    const now = new Date();
    tx.update(accountInvitations).set({ expiresAt: now.toISOString() }).where(and(eq(accountInvitations.email, email), isNull(accountInvitations.acceptedAt))).run();
    const expiresAt = new Date(now.getTime() + invitationLifetimeMs).toISOString();
    const { id } = tx
      .insert(accountInvitations)
      .values({ congressId, email, role: input.role, tokenHash: hashToken(secret), invitedBy: accountId, createdAt: now.toISOString(), expiresAt })
      .returning({ id: accountInvitations.id })
      .get();
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: 'account.invite', entity: 'account_invitation', entityId: id, data: { email, role: input.role } });
    return { id, token: invitationToken(id, secret), expiresAt };
  });
}

/** Takes up an invitation: the account is created with the person's name and password, and signed in. */
export async function acceptInvitation(db: AppDatabase, token: string, input: { displayName: string; password: string }) {
  const parsed = parseInvitationToken(token);
  const passwordHash = await hashPassword(input.password);
  const accountId = withTransaction(db, (tx) => {
    const invitation = parsed ? tx.select().from(accountInvitations).where(eq(accountInvitations.id, parsed.invitationId)).get() : undefined;
    // The used, lapsed and forged all get the same answer.
    if (!parsed || !invitation || invitation.acceptedAt || invitation.expiresAt <= nowIso() || !sameHash(invitation.tokenHash, hashToken(parsed.secret))) {
      throw new ApiFailure(410, 'token', 'invitationInvalid');
    }
    if (tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, invitation.email)).get()) throw new ApiFailure(409, 'email', 'accountExists');
    const at = nowIso();
    const { id } = tx
      .insert(accounts)
      .values({ email: invitation.email, displayName: input.displayName.trim(), role: invitation.role, passwordHash, createdAt: at })
      .returning({ id: accounts.id })
      .get();
    tx.update(accountInvitations).set({ acceptedAt: at }).where(eq(accountInvitations.id, invitation.id)).run();
    recordAudit(tx, { congressId: invitation.congressId, actorType: 'account', actorId: id, action: 'account.join', entity: 'account', entityId: id, data: { role: invitation.role } });
    return id;
  });
  const account = db.select().from(accounts).where(eq(accounts.id, accountId)).get()!;
  return { token: openSession(db, accountId), account: { id: account.id, email: account.email, displayName: account.displayName, role: account.role } };
}

/** Disables or re-enables an account; a disabled one's sessions end at once. Nobody disables themselves. */
export function setAccountDisabled(db: Executor, congressId: number, targetId: number, disabled: boolean, accountId: number): void {
  withTransaction(db, (tx) => {
    const target = tx.select().from(accounts).where(eq(accounts.id, targetId)).get();
    if (!target) throw new ApiFailure(404, 'id', 'notFound');
    // The one acting stays enabled, so an organiser who can sign in always remains.
    if (targetId === accountId) throw new ApiFailure(409, 'id', 'ownAccount');
    tx.update(accounts).set({ disabledAt: disabled ? nowIso() : null }).where(eq(accounts.id, targetId)).run();
    if (disabled) tx.delete(accountSessions).where(eq(accountSessions.accountId, targetId)).run();
    recordAudit(tx, { congressId, actorType: 'account', actorId: accountId, action: disabled ? 'account.disable' : 'account.enable', entity: 'account', entityId: targetId, data: null });
  });
}

/** Changes the own password after checking the current one; every other session of the account ends. */
export async function changePassword(db: AppDatabase, accountId: number, currentSession: string, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const account = db.select().from(accounts).where(eq(accounts.id, accountId)).get()!;
  if (!(await verifyPassword(input.currentPassword, account.passwordHash))) throw new ApiFailure(422, 'currentPassword', 'wrongPassword');
  const passwordHash = await hashPassword(input.newPassword);
  withTransaction(db, (tx) => {
    tx.update(accounts).set({ passwordHash }).where(eq(accounts.id, accountId)).run();
    tx.delete(accountSessions).where(and(eq(accountSessions.accountId, accountId), ne(accountSessions.tokenHash, hashToken(currentSession)))).run();
    recordAudit(tx, { congressId: null, actorType: 'account', actorId: accountId, action: 'account.password', entity: 'account', entityId: accountId, data: null });
  });
}
