import type { IncomingMessage } from 'node:http';

/** The edition a request named in its address (`/api/c/<slug>/…`), kept on the raw request by the URL rewrite. */
const namedSlug = Symbol('congressSlug');
type AddressedRequest = IncomingMessage & { [namedSlug]?: string };

const congressPrefix = /^\/api\/c\/([^/?#]*)/;

/**
 * Fastify's `rewriteUrl`: `/api/c/<slug>/<path>` is routed as `/api/<path>`, so every congress-scoped route exists
 * under both addresses without being declared twice; the slug stays on the request for the congress scope.
 */
export function rewriteCongressAddress(request: IncomingMessage): string {
  const url = request.url ?? '/';
  const match = congressPrefix.exec(url);
  if (!match) return url;
  (request as AddressedRequest)[namedSlug] = match[1]!;
  return `/api${url.slice(match[0].length)}`;
}

/** The slug a request's address named, or undefined for the unprefixed routes of the default congress. */
export function addressedSlug(request: IncomingMessage): string | undefined {
  return (request as AddressedRequest)[namedSlug];
}
