/**
 * The edition a page belongs to, from its address: pages under `/c/<slug>/…` serve that edition and call its API
 * under `/api/c/<slug>/…`; other pages serve the installation's default edition.
 */
const addressed = /^\/c\/([a-z0-9]+(?:-[a-z0-9]+)*)(?=\/|$)/.exec(location.pathname);

/** `/c/<slug>` on an edition's pages, '' on the default edition's. */
export const pagePrefix = addressed ? `/c/${addressed[1]}` : '';

/** The edition's slug when the address names one. */
export const addressedSlug: string | undefined = addressed?.[1];

/** A page path of this edition: `/me` → `/c/tci-2016-eindhoven/me`. */
export const pagePath = (path: string): string => `${pagePrefix}${path === '/' && pagePrefix ? '' : path}` || '/';

/** The screen path inside the edition: `/c/tci-2016-eindhoven/me` → `/me`. */
export const screenPath = (pathname: string): string => (pagePrefix && pathname.startsWith(pagePrefix) ? pathname.slice(pagePrefix.length) || '/' : pathname);

/** An API path of this edition: `/api/me` → `/api/c/tci-2016-eindhoven/me`. */
export const apiPath = (path: string): string => (addressed && path.startsWith('/api/') && !path.startsWith('/api/c/') ? `/api/c/${addressed[1]}/${path.slice(5)}` : path);
