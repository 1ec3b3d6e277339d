import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { AccountRole } from '../../db/schema/accounts.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { bearerToken, createPrincipalResolver, type Principal } from './principal.ts';

declare module 'fastify' {
  interface FastifyInstance {
    resolvePrincipal: (token: string | undefined) => Principal | null;
    /** An onRequest hook admitting only signed-in accounts with one of the roles, before any body is read. */
    requireAccount: (...roles: AccountRole[]) => onRequestHookHandler;
    /** An onRequest hook admitting only a delegate's personal token, before any body is read. */
    requireDelegate: onRequestHookHandler;
    /** An onRequest hook for what only a person may do (editions, API tokens): an API token is refused. */
    refuseApiTokens: onRequestHookHandler;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export type DelegatePrincipal = Extract<Principal, { kind: 'delegate' }>;
export type AccountPrincipal = Extract<Principal, { kind: 'account' }>;

/** Who sent a request, from its bearer token: an organiser's session or a delegate's personal key. */
export default fp(
  async (app) => {
    app.decorate('resolvePrincipal', createPrincipalResolver(app.db));
    app.decorateRequest('principal', null);
    app.addHook('onRequest', async (request) => {
      const token = bearerToken(request.headers.authorization);
      if (token) request.principal = app.resolvePrincipal(token);
    });
    app.decorate('requireAccount', (...roles: AccountRole[]) => async (request: FastifyRequest, _reply: FastifyReply) => {
      const principal = request.principal;
      if (!principal) throw new ApiFailure(401, 'Authorization', 'notAuthenticated');
      if (principal.kind !== 'account' || !roles.includes(principal.role)) throw new ApiFailure(403, 'Authorization', 'forbidden');
      const grant = principal.apiToken;
      if (grant && grant.congressId !== request.congress.id) throw new ApiFailure(403, 'Authorization', 'tokenOtherCongress');
      if (grant?.readOnly && request.method !== 'GET' && request.method !== 'HEAD') throw new ApiFailure(403, 'Authorization', 'tokenReadOnly');
    });
    app.decorate('refuseApiTokens', async (request: FastifyRequest, _reply: FastifyReply) => {
      if (request.principal?.kind === 'account' && request.principal.apiToken) throw new ApiFailure(403, 'Authorization', 'tokenNotAllowed');
    });
    app.decorate('requireDelegate', async (request: FastifyRequest, _reply: FastifyReply) => {
      const principal = request.principal;
      if (!principal) throw new ApiFailure(401, 'Authorization', 'notAuthenticated');
      if (principal.kind !== 'delegate' || principal.congressId !== request.congress.id) throw new ApiFailure(403, 'Authorization', 'forbidden');
    });
  },
  { name: 'authentication', dependencies: ['database', 'congress-scope'] },
);
