import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { RegistrationBody, RegistrationCreated, ApiError, LinkRequestAccepted, LinkRequestBody } from '../../shared/registration-schema.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { requestLanguage } from '../http/error-handler.ts';
import { perAddressPerMinute } from '../abuse/abuse-limits.ts';
import { checkSolvedChallenge, issueRegistrationChallenge, prepareRecentRegistrationCount, type SolvedChallenge } from '../abuse/registration-challenge.ts';
import { register, sendLinkAgain } from './registration-service.ts';

const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) });
const ChallengeAnswer = Type.Object({ parameters: Type.Record(Type.String(), Type.Unknown()), signature: Type.Optional(Type.String()) });

/** `POST /api/registrations`, the public registration form's endpoint, and "send my link again". */
export async function registrationRoutes(app: FastifyInstance) {
  const limits = app.abuseLimits;
  const recentRegistrationsFrom = prepareRecentRegistrationCount(app.db);

  app.get('/api/registrations/challenge', { schema: { response: { 200: ChallengeAnswer } } }, async () => issueRegistrationChallenge(app.db));

  app.post<{ Body: RegistrationBody; Headers: { 'idempotency-key'?: string } }>(
    '/api/registrations',
    {
      schema: { body: RegistrationBody, headers: IdempotencyHeaders, response: { 201: RegistrationCreated, 400: ApiError } },
      config: { rateLimit: perAddressPerMinute(limits.registrationsPerMinute) },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      if (key !== undefined && !/^[\x21-\x7e]+$/.test(key)) throw new ApiFailure(400, 'Idempotency-Key', 'invalid');
      const congressId = request.congress.id;
      let challenge: SolvedChallenge | undefined;
      if (request.body.challenge !== undefined) challenge = await checkSolvedChallenge(app.db, request.body.challenge);
      else if (
        limits.challengeAfterRegistrations > 0 &&
        recentRegistrationsFrom(congressId, request.ip, limits.challengeWindowMinutes) >= limits.challengeAfterRegistrations
      ) {
        // Past the softer threshold the form proves some work was spent before the next registration from here.
        throw new ApiFailure(400, 'challenge', 'challengeRequired');
      }
      const language = requestLanguage(request);
      const outcome = await app.writes.run(() =>
        register(app.registrationsOf(congressId), request.body, language, { address: request.ip, challenge }, key),
      );
      app.announceRegistrationChanges(congressId, outcome.changes);
      return reply.code(outcome.statusCode).send(outcome.body);
    },
  );

  app.post<{ Body: LinkRequestBody }>(
    '/api/me/link',
    { schema: { body: LinkRequestBody, response: { 202: LinkRequestAccepted } }, config: { rateLimit: perAddressPerMinute(limits.linkRequestsPerMinute) } },
    async (request, reply) => {
      await app.writes.run(() => sendLinkAgain(app.registrationsOf(request.congress.id), request.body.email));
      app.wakeMailSender();
      return reply.code(202).send({ accepted: true as const });
    },
  );
}
