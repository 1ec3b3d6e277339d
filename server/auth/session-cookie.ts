import { createHmac } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDatabase } from '../database/connection.ts';
import { siteSecret } from '../database/site-secrets.ts';
import { sameHash } from './tokens.ts';
import { sessionLifetimeMs } from './accounts-service.ts';

/**
 * An organiser's browser keeps the session in an HttpOnly cookie that no script on the page can read, sent only
 * to this site (SameSite=Strict) and only over HTTPS when the site is served so. A state-changing request carried by
 * the cookie must also bring the session's CSRF token in `x-csrf-token`, which another site cannot know; requests
 * with a bearer token (API clients, delegates' personal keys) carry no cookie and need none.
 */
export const sessionCookie = 'congress_session';
export const csrfHeader = 'x-csrf-token';

/** How a signed-in client asks to hold its session: a cookie for the browser, a bearer token for an API client. */
export type SessionHolding = 'cookie' | 'bearer';

/** The CSRF token bound to a session: an HMAC of it, so nothing more is stored and it dies with the session. */
export function csrfTokenFor(db: AppDatabase, sessionToken: string): string {
  return `csrf_${createHmac('sha256', siteSecret(db, 'csrf')).update(sessionToken).digest('base64url')}`;
}

export const sessionFromCookie = (request: FastifyRequest): string | undefined => request.cookies[sessionCookie];

function holdSessionInCookie(reply: FastifyReply, token: string, secure: boolean, maxAgeSeconds: number): void {
  reply.setCookie(sessionCookie, token, { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: maxAgeSeconds });
}

export function forgetSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(sessionCookie, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a request carried by the session cookie may go on: reading always, changing only with the CSRF token. */
export function passesCsrfCheck(db: AppDatabase, request: FastifyRequest, sessionToken: string): boolean {
  if (safeMethods.has(request.method)) return true;
  const sent = request.headers[csrfHeader];
  return typeof sent === 'string' && sameHash(sent, csrfTokenFor(db, sessionToken));
}

/**
 * The answer to a sign-in: for a browser that asked for a cookie, the cookie and the CSRF token (never the session
 * itself, which no script may hold); for an API client, the bearer token.
 */
export function signedInAnswer<Account>(
  db: AppDatabase,
  reply: FastifyReply,
  holding: SessionHolding | undefined,
  secure: boolean,
  session: { token: string; account: Account },
): { token: string; account: Account } | { csrfToken: string; account: Account } {
  if (holding !== 'cookie') return session;
  holdSessionInCookie(reply, session.token, secure, sessionLifetimeMs / 1000);
  return { csrfToken: csrfTokenFor(db, session.token), account: session.account };
}
