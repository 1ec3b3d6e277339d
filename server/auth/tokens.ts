import { createHash, randomBytes } from 'node:crypto';

/** Prefixes tell a delegate's personal key from an organiser's session at a glance (and in leaked-secret scanners). */
export const tokenPrefixes = { delegate: 'dlg_', session: 'ses_' } as const;

export function newToken(kind: keyof typeof tokenPrefixes): string {
  return tokenPrefixes[kind] + randomBytes(24).toString('base64url');
}

/** Only hashes of tokens are stored, so a copy of the database does not hand out access. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
