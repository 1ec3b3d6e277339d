import { addressedSlug, pagePath } from './congress-address.ts';

/**
 * Where the browser keeps what a person signed in with. A delegate's personal key belongs to one edition. An
 * organiser's session is an HttpOnly cookie no script can read; kept here is only its CSRF token, which the page
 * sends with each change and which is worth nothing without the cookie.
 */
const keys = { delegate: `congress.delegateToken${addressedSlug ? `.${addressedSlug}` : ''}`, organiser: 'congress.organiserCsrf' } as const;

/** Whether a stored "token" is an organiser session's CSRF token (the session itself rides in the cookie). */
export const isCsrfToken = (token: string) => token.startsWith('csrf_');
export type TokenKind = keyof typeof keys;

export const readToken = (kind: TokenKind) => localStorage.getItem(keys[kind]);
export const storeToken = (kind: TokenKind, token: string) => localStorage.setItem(keys[kind], token);
export const forgetToken = (kind: TokenKind) => localStorage.removeItem(keys[kind]);

/** The personal link a delegate keeps: the token rides in the fragment, which browsers never send to a server. */
export const personalLink = (token: string) => `${location.origin}${pagePath('/me')}#token=${encodeURIComponent(token)}`;

/** Takes a delegate token from the address (`/me#token=…`) into storage and out of the address bar. */
export function adoptTokenFromLink(): void {
  const match = location.hash.match(/token=([^&]+)/);
  if (!match) return;
  storeToken('delegate', decodeURIComponent(match[1]!));
  history.replaceState(null, '', location.pathname + location.search);
}
