import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { AcceptInvitationBody, AccountPatch, InvitationBody, InvitationCreated, PasswordChangeBody, TeamList } from '../../shared/team-schema.ts';
import type { AccountPrincipal } from './authentication.ts';
import { bearerToken } from './principal.ts';
import { acceptInvitation, changePassword, inviteAccount, setAccountDisabled, teamList } from './team-service.ts';

const AccountParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const accountId = (principal: unknown) => (principal as AccountPrincipal).accountId;

/** The people who run the congress: invitations by email and role, disabling, and each person's own password. */
export async function teamRoutes(app: FastifyInstance) {
  const organiserInPerson = [app.requireAccount('organiser'), app.refuseApiTokens];

  app.get('/api/accounts', { onRequest: organiserInPerson, schema: { response: { 200: TeamList } } }, async (request) => teamList(app.db, accountId(request.principal)));

  app.post<{ Body: InvitationBody }>('/api/accounts/invitations', { onRequest: organiserInPerson, schema: { body: InvitationBody, response: { 201: InvitationCreated } } }, async (request, reply) =>
    reply.code(201).send(inviteAccount(app.db, request.congress.id, request.body, accountId(request.principal))),
  );

  app.patch<{ Params: Static<typeof AccountParams>; Body: AccountPatch }>(
    '/api/accounts/:id',
    { onRequest: organiserInPerson, schema: { params: AccountParams, body: AccountPatch } },
    async (request, reply) => {
      setAccountDisabled(app.db, request.congress.id, request.params.id, request.body.disabled, accountId(request.principal));
      return reply.code(204).send();
    },
  );

  app.post<{ Body: AcceptInvitationBody }>(
    '/api/auth/invitations/accept',
    { schema: { body: AcceptInvitationBody }, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request) => acceptInvitation(app.db, request.body.token, request.body),
  );

  app.post<{ Body: PasswordChangeBody }>(
    '/api/auth/password',
    { onRequest: [app.requireAccount('organiser', 'staff'), app.refuseApiTokens], schema: { body: PasswordChangeBody }, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      await changePassword(app.db, accountId(request.principal), bearerToken(request.headers.authorization)!, request.body);
      return reply.code(204).send();
    },
  );
}
