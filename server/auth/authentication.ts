import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { CongressRole } from '../../db/schema/congress-memberships.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { bearerToken, createPrincipalResolver, holdsRole, type Principal } from './principal.ts';
import { csrfHeader, passesCsrfCheck, sessionFromCookie } from './session-cookie.ts';

declare module 'fastify' {
  interface FastifyInstance {
    resolvePrincipal: (token: string | undefined, congressId: number) => Principal | null;
    /**
     * An onRequest hook admitting only accounts holding one of the roles in the request's congress (owners always),
     * before any body is read.
     */
    requireAccount: (...roles: CongressRole[]) => onRequestHookHandler;
    /** An onRequest hook for what concerns the account itself (signing out, its password), in whatever congress. */
    requireSignedIn: onRequestHookHandler;
    /** An onRequest hook admitting only a delegate's personal token, before any body is read. */
    requireDelegate: onRequestHookHandler;
    /** An onRequest hook for what only a person may do (editions, API tokens): an API token is refused. */
    refuseApiTokens: onRequestHookHandler;
    /** Whether the session cookie is marked Secure: when PUBLIC_URL is an https address. */
    secureCookies: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** The token the request was signed in with, from the Authorization header or the session cookie. */
    sessionToken: string | null;
    /** Set when the session cookie came with a change but without the page's CSRF token. */
    csrfRefused: boolean;
  }
}

export type DelegatePrincipal = Extract<Principal, { kind: 'delegate' }>;
export type AccountPrincipal = Extract<Principal, { kind: 'account' }>;

/** Who sent a request, from its bearer token: an organiser's session or a delegate's personal key. */
export default fp(
  async (app) => {
    app.decorate('resolvePrincipal', createPrincipalResolver(app.db));
    app.decorateRequest('principal', null);
    app.decorateRequest('sessionToken', null);
    app.decorateRequest('csrfRefused', false);
    app.decorate('secureCookies', app.publicUrl.startsWith('https:'));
    app.addHook('onRequest', async (request) => {
      const bearer = bearerToken(request.headers.authorization);
      // A bearer token wins: an API client or a delegate's key says who it is whatever cookie the browser holds.
      const cookie = bearer ? undefined : sessionFromCookie(request);
      const token = bearer ?? cookie;
      if (!token) return;
      request.principal = app.resolvePrincipal(token, request.congress.id);
      request.sessionToken = token;
      // A change carried by the cookie alone, without the page's CSRF token, may come from another site's page: it is
      // taken as anonymous, so public forms still work and anything needing the session is refused.
      if (cookie && request.principal && !passesCsrfCheck(app.db, request, cookie)) {
        request.principal = null;
        request.csrfRefused = true;
      }
    });
    const unauthenticated = (request: FastifyRequest) =>
      request.csrfRefused ? new ApiFailure(403, csrfHeader, 'csrfMissing') : new ApiFailure(401, 'Authorization', 'notAuthenticated');
    app.decorate('requireAccount', (...roles: CongressRole[]) => async (request: FastifyRequest, _reply: FastifyReply) => {
      const principal = request.principal;
      if (!principal) throw unauthenticated(request);
      if (principal.kind !== 'account') throw new ApiFailure(403, 'Authorization', 'forbidden');
      const grant = principal.apiToken;
      if (grant && grant.congressId !== request.congress.id) throw new ApiFailure(403, 'Authorization', 'tokenOtherCongress');
      // Said apart from "forbidden" so a person signed in to the wrong edition knows to ask for an invitation.
      if (principal.role === null) throw new ApiFailure(403, 'Authorization', 'notMember');
      if (!holdsRole(principal.role, roles)) throw new ApiFailure(403, 'Authorization', 'forbidden');
      if (grant?.readOnly && request.method !== 'GET' && request.method !== 'HEAD') throw new ApiFailure(403, 'Authorization', 'tokenReadOnly');
    });
    app.decorate('requireSignedIn', async (request: FastifyRequest, _reply: FastifyReply) => {
      if (!request.principal) throw unauthenticated(request);
      if (request.principal.kind !== 'account') throw new ApiFailure(403, 'Authorization', 'forbidden');
    });
    app.decorate('refuseApiTokens', async (request: FastifyRequest, _reply: FastifyReply) => {
      if (request.principal?.kind === 'account' && request.principal.apiToken) throw new ApiFailure(403, 'Authorization', 'tokenNotAllowed');
    });
    app.decorate('requireDelegate', async (request: FastifyRequest, _reply: FastifyReply) => {
      const principal = request.principal;
      if (!principal) throw unauthenticated(request);
      if (principal.kind !== 'delegate' || principal.congressId !== request.congress.id) throw new ApiFailure(403, 'Authorization', 'forbidden');
    });
  },
  { name: 'authentication', dependencies: ['database', 'congress-scope', '@fastify/cookie'] },
);
