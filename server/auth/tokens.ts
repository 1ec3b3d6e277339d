import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Prefixes tell a delegate's personal key from an organiser's session at a glance (and in leaked-secret scanners). */
export const tokenPrefixes = { delegate: 'dlg_', session: 'ses_', apiToken: 'cat_', invitation: 'inv_', passwordReset: 'pwr_' } as const;

/** 192 random bits, URL-safe. */
export const newSecret = () => randomBytes(24).toString('base64url');

export function newSessionToken(): string {
  return tokenPrefixes.session + newSecret();
}

/** Only hashes of secrets are stored, so a copy of the database does not hand out access. */
export function hashToken(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

/** The row id and secret of a token `<prefix><id>.<secret>`, or `null` for anything else. */
function parseIdToken(prefix: string, token: string): { id: number; secret: string } | null {
  const match = /^([a-z]{3}_)(\d{1,12})\.([A-Za-z0-9_-]{32})$/.exec(token);
  return match && match[1] === prefix ? { id: Number(match[2]), secret: match[3]! } : null;
}

/** A delegate's personal token: their id (to find the row) and a secret (to prove the token is theirs). */
export const delegateToken = (delegateId: number, secret: string) => `${tokenPrefixes.delegate}${delegateId}.${secret}`;

export function parseDelegateToken(token: string): { delegateId: number; secret: string } | null {
  const parsed = parseIdToken(tokenPrefixes.delegate, token);
  return parsed && { delegateId: parsed.id, secret: parsed.secret };
}

/** A one-time invitation: its row id and its secret. */
export const invitationToken = (invitationId: number, secret: string) => `${tokenPrefixes.invitation}${invitationId}.${secret}`;

export function parseInvitationToken(token: string): { invitationId: number; secret: string } | null {
  const parsed = parseIdToken(tokenPrefixes.invitation, token);
  return parsed && { invitationId: parsed.id, secret: parsed.secret };
}

/** A one-time password reset: its row id and its secret. */
export const passwordResetToken = (resetId: number, secret: string) => `${tokenPrefixes.passwordReset}${resetId}.${secret}`;

export function parsePasswordResetToken(token: string): { resetId: number; secret: string } | null {
  const parsed = parseIdToken(tokenPrefixes.passwordReset, token);
  return parsed && { resetId: parsed.id, secret: parsed.secret };
}

/** A congress's API token: its row id and its secret, like a delegate's key. */
export const apiToken = (tokenId: number, secret: string) => `${tokenPrefixes.apiToken}${tokenId}.${secret}`;

export function parseApiToken(token: string): { tokenId: number; secret: string } | null {
  const parsed = parseIdToken(tokenPrefixes.apiToken, token);
  return parsed && { tokenId: parsed.id, secret: parsed.secret };
}

/** Compares two stored-form hashes in constant time. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The secret part of a delegate's calendar-feed address: derived from their stored token hash, so it is read-only
 * (it cannot sign in), needs no column of its own, and changes when the personal token does.
 */
export const calendarFeedKey = (tokenHash: string) => hashToken(`calendar:${tokenHash}`);
