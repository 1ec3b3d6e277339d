import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { CongressRole } from '../../db/schema/congress-memberships.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { bearerToken, createPrincipalResolver, holdsRole, type Principal } from './principal.ts';

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
      if (token) request.principal = app.resolvePrincipal(token, request.congress.id);
    });
    app.decorate('requireAccount', (...roles: CongressRole[]) => async (request: FastifyRequest, _reply: FastifyReply) => {
      const principal = request.principal;
      if (!principal) throw new ApiFailure(401, 'Authorization', 'notAuthenticated');
      if (principal.kind !== 'account') throw new ApiFailure(403, 'Authorization', 'forbidden');
      const grant = principal.apiToken;
      if (grant && grant.congressId !== request.congress.id) throw new ApiFailure(403, 'Authorization', 'tokenOtherCongress');
      // Said apart from "forbidden" so a person signed in to the wrong edition knows to ask for an invitation.
      if (principal.role === null) throw new ApiFailure(403, 'Authorization', 'notMember');
      if (!holdsRole(principal.role, roles)) throw new ApiFailure(403, 'Authorization', 'forbidden');
      if (grant?.readOnly && request.method !== 'GET' && request.method !== 'HEAD') throw new ApiFailure(403, 'Authorization', 'tokenReadOnly');
    });
    app.decorate('requireSignedIn', async (request: FastifyRequest, _reply: FastifyReply) => {
      if (!request.principal) throw new ApiFailure(401, 'Authorization', 'notAuthenticated');
      if (request.principal.kind !== 'account') throw new ApiFailure(403, 'Authorization', 'forbidden');
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
