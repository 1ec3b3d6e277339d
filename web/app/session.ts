import { addressedSlug, pagePath } from './congress-address.ts';

/** Where the browser keeps the keys a person signed in with; a delegate's key belongs to one edition. */
const keys = { delegate: `congress.delegateToken${addressedSlug ? `.${addressedSlug}` : ''}`, organiser: 'congress.organiserToken' } as const;
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
