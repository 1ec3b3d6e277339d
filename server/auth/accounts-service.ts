import { and, eq, lt } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { accounts, accountSessions } from '../../db/schema/index.ts';
import { recordAudit } from '../database/audit.ts';
import type { AccountRole } from '../../db/schema/accounts.ts';
import type { AppDatabase } from '../database/connection.ts';
import { nowIso, withTransaction, type Executor } from '../database/transaction.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { hashToken, newSessionToken } from './tokens.ts';

const sessionLifetimeMs = 12 * 60 * 60 * 1000;

export interface FirstOrganiser {
  email: string;
  /** Set only when the password was generated here and must be shown to the person starting the server. */
  generatedPassword?: string;
}

/** Creates the first organiser account when there is none yet. */
export async function ensureFirstOrganiser(
  db: AppDatabase,
  settings: { email?: string | undefined; password?: string | undefined },
): Promise<FirstOrganiser | null> {
  if (firstOrganiserId(db) !== undefined) return null;
  const email = (settings.email ?? 'organiser@congress.local').trim().toLowerCase();
  const generatedPassword = settings.password ? undefined : randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(settings.password ?? generatedPassword!);
  createAccount(db, { email, displayName: 'Organiser', role: 'organiser', passwordHash });
  return generatedPassword ? { email, generatedPassword } : { email };
}

export function createAccount(
  db: AppDatabase,
  input: { email: string; displayName: string; role: AccountRole; passwordHash: string },
): number {
  return withTransaction(db, (tx) => {
    const at = nowIso();
    const { id } = tx.insert(accounts).values({ ...input, createdAt: at }).returning({ id: accounts.id }).get();
    recordAudit(tx, { congressId: null, actorType: 'system', action: 'account.create', entity: 'account', entityId: id, data: { role: input.role } });
    return id;
  });
}

/** Checks the password and opens a session; the same answer for an unknown email and a wrong password. */
export async function logIn(db: AppDatabase, email: string, password: string) {
  const account = db.select().from(accounts).where(eq(accounts.email, email.trim().toLowerCase())).get();
  // Hash even for an unknown address so the answer takes as long either way.
  const valid = await verifyPassword(password, account?.passwordHash ?? 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
  if (!account || !valid) throw new ApiFailure(401, 'password', 'badLogin');
  if (account.disabledAt) throw new ApiFailure(403, 'email', 'accountDisabled');
  return { token: openSession(db, account.id), account: { id: account.id, email: account.email, displayName: account.displayName, role: account.role } };
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

export function firstOrganiserId(db: AppDatabase): number | undefined {
  return db.select({ id: accounts.id }).from(accounts).where(eq(accounts.role, 'organiser')).orderBy(accounts.id).limit(1).get()?.id;
}
