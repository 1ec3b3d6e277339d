import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { ApiTokenBody, ApiTokenCreated, ApiTokenSummary } from '../../shared/api-token-schema.ts';
import type { AccountPrincipal } from './authentication.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-token-service.ts';

const TokenParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** A congress's API tokens, made and revoked by its organisers in person (a token cannot mint or revoke tokens). */
export async function apiTokenRoutes(app: FastifyInstance) {
  app.addHook('onRequest', app.requireAccount('owner'));
  app.addHook('onRequest', app.refuseApiTokens);
  const accountId = (principal: unknown) => (principal as AccountPrincipal).accountId;

  app.get('/api/api-tokens', { schema: { response: { 200: Type.Array(ApiTokenSummary) } } }, async (request) => listApiTokens(app.db, request.congress.id));

  app.post<{ Body: ApiTokenBody }>('/api/api-tokens', { schema: { body: ApiTokenBody, response: { 201: ApiTokenCreated } } }, async (request, reply) =>
    reply.code(201).send(createApiToken(app.db, request.congress.id, request.body, accountId(request.principal))),
  );

  app.delete<{ Params: Static<typeof TokenParams> }>('/api/api-tokens/:id', { schema: { params: TokenParams } }, async (request, reply) => {
    revokeApiToken(app.db, request.congress.id, request.params.id, accountId(request.principal));
    return reply.code(204).send();
  });
}
