import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import {
  AcceptInvitationBody,
  AccountPatch,
  InvitationBody,
  InvitationCreated,
  InvitationDetails,
  InvitationLookupBody,
  PasswordChangeBody,
  TeamList,
} from '../../shared/team-schema.ts';
import type { AccountPrincipal } from './authentication.ts';
import { requestLanguage } from '../http/error-handler.ts';
import { signedInAnswer } from './session-cookie.ts';
import { acceptInvitation, changePassword, describeInvitation, inviteAccount, teamList, updateMembership, type TeamActor } from './team-service.ts';

const AccountParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const accountId = (principal: unknown) => (principal as AccountPrincipal).accountId;
/** The hooks admit only organisers and owners here, so the role is one of them. */
const actor = (request: FastifyRequest) => request.principal as AccountPrincipal & TeamActor;
const invitationLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };

/** The people who run the congress: invitations by email and role, roles and disabling, and each person's own password. */
export async function teamRoutes(app: FastifyInstance) {
  const organiserInPerson = [app.requireAccount('organiser'), app.refuseApiTokens];

  app.get('/api/accounts', { onRequest: organiserInPerson, schema: { response: { 200: TeamList } } }, async (request) =>
    teamList(app.db, request.congress.id, accountId(request.principal)),
  );

  app.post<{ Body: InvitationBody }>('/api/accounts/invitations', { onRequest: organiserInPerson, schema: { body: InvitationBody, response: { 201: InvitationCreated } } }, async (request, reply) =>
    reply.code(201).send({
      ...inviteAccount(app.db, request.congress.id, request.body, actor(request), { language: requestLanguage(request), timeZone: request.congress.timeZone }),
      mailed: app.mailSending,
    }),
  );

  app.patch<{ Params: Static<typeof AccountParams>; Body: AccountPatch }>(
    '/api/accounts/:id',
    { onRequest: organiserInPerson, schema: { params: AccountParams, body: AccountPatch } },
    async (request, reply) => {
      updateMembership(app.db, request.congress.id, request.params.id, request.body, actor(request));
      return reply.code(204).send();
    },
  );

  app.post<{ Body: InvitationLookupBody }>(
    '/api/auth/invitations/lookup',
    { schema: { body: InvitationLookupBody, response: { 200: InvitationDetails } }, config: invitationLimit },
    async (request) => describeInvitation(app.db, request.body.token),
  );

  app.post<{ Body: AcceptInvitationBody }>('/api/auth/invitations/accept', { schema: { body: AcceptInvitationBody }, config: invitationLimit }, async (request, reply) =>
    signedInAnswer(app.db, reply, request.body.session, app.secureCookies, await acceptInvitation(app.db, request.body.token, request.body)),
  );

  app.post<{ Body: PasswordChangeBody }>(
    '/api/auth/password',
    { onRequest: [app.requireSignedIn, app.refuseApiTokens], schema: { body: PasswordChangeBody }, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      await changePassword(app.db, accountId(request.principal), request.sessionToken!, request.body);
      return reply.code(204).send();
    },
  );
}
