import { and, eq, lt } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { accounts, accountSessions, congressMemberships } from '../../db/schema/index.ts';
import { recordAudit } from '../database/audit.ts';
import type { CongressRole } from '../../db/schema/congress-memberships.ts';
import type { AppDatabase } from '../database/connection.ts';
import { nowIso, withTransaction, type Executor } from '../database/transaction.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { grantMembership, membershipOf } from './memberships.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { hashToken, newSessionToken } from './tokens.ts';

export const sessionLifetimeMs = 12 * 60 * 60 * 1000;

export interface FirstOrganiser {
  email: string;
  /** Set only when the password was generated here and must be shown to the person starting the server. */
  generatedPassword?: string;
}

/** Creates the first account, owner of the default congress, when the installation has none yet. */
export async function ensureFirstOrganiser(
  db: AppDatabase,
  congressId: number,
  settings: { email?: string | undefined; password?: string | undefined },
): Promise<FirstOrganiser | null> {
  if (db.select({ id: accounts.id }).from(accounts).limit(1).get()) return null;
  const email = (settings.email ?? 'organiser@congress.local').trim().toLowerCase();
  const generatedPassword = settings.password ? undefined : randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(settings.password ?? generatedPassword!);
  createAccount(db, { email, displayName: 'Organiser', passwordHash, congressId, role: 'owner' });
  return generatedPassword ? { email, generatedPassword } : { email };
}

/** Creates an account together with its first membership. */
export function createAccount(
  db: Executor,
  input: { email: string; displayName: string; passwordHash: string; congressId: number; role: CongressRole },
): number {
  const { congressId, role, ...account } = input;
  return withTransaction(db, (tx) => {
    const { id } = tx.insert(accounts).values({ ...account, createdAt: nowIso() }).returning({ id: accounts.id }).get();
    grantMembership(tx, { congressId, accountId: id, role });
    recordAudit(tx, { congressId, actorType: 'system', action: 'account.create', entity: 'account', entityId: id, data: { role } });
    return id;
  });
}

/** The signed-in account as the congress sees it: who it is and its role there. */
export function accountInCongress(db: Executor, congressId: number, accountId: number) {
  const account = db.select({ id: accounts.id, email: accounts.email, displayName: accounts.displayName }).from(accounts).where(eq(accounts.id, accountId)).get()!;
  return { ...account, role: membershipOf(db, congressId, accountId)?.role ?? null };
}

/**
 * Checks the password and opens a session for working on the congress; the same answer for an unknown email and a
 * wrong password. An account that is not (or no longer) a member of this congress is told so.
 */
export async function logIn(db: AppDatabase, congressId: number, email: string, password: string) {
  const account = db.select().from(accounts).where(eq(accounts.email, email.trim().toLowerCase())).get();
  // Hash even for an unknown address so the answer takes as long either way.
  const valid = await verifyPassword(password, account?.passwordHash ?? 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  if (!account || !valid) throw new ApiFailure(401, 'password', 'badLogin');
  const membership = membershipOf(db, congressId, account.id);
  if (!membership) throw new ApiFailure(403, 'email', 'notMember');
  if (membership.disabledAt) throw new ApiFailure(403, 'email', 'accountDisabled');
  return { token: openSession(db, account.id), account: accountInCongress(db, congressId, account.id) };
}

/** Opens a session for the account (dropping its expired ones) and returns its bearer token. */
export function openSession(db: Executor, accountId: number): string {
  const token = newSessionToken();
  const now = new Date();
  withTransaction(db, (tx) => {
    tx.delete(accountSessions).where(and(eq(accountSessions.accountId, accountId), lt(accountSessions.expiresAt, now.toISOString()))).run();
    tx.insert(accountSessions)
      .values({ tokenHash: hashToken(token), accountId, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + sessionLifetimeMs).toISOString() })
      .run();
  });
  return token;
}

export function logOut(db: AppDatabase, token: string): void {
  db.delete(accountSessions).where(eq(accountSessions.tokenHash, hashToken(token))).run();
}

/** The congress's first owner, in whose name the demo's seeded records are made. */
export function firstOwnerId(db: AppDatabase, congressId: number): number | undefined {
  return db
    .select({ id: congressMemberships.accountId })
    .from(congressMemberships)
    .where(and(eq(congressMemberships.congressId, congressId), eq(congressMemberships.role, 'owner')))
    .orderBy(congressMemberships.accountId)
    .limit(1)
    .get()?.id;
}
