import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { RegistrationBody, RegistrationCreated, ApiError, LinkRequestAccepted, LinkRequestBody } from '../../shared/registration-schema.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { requestLanguage } from '../http/error-handler.ts';
import { register, sendLinkAgain } from './registration-service.ts';

const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) });

/** `POST /api/registrations`, the public registration form's endpoint, and "send my link again". */
export async function registrationRoutes(app: FastifyInstance) {
  app.post<{ Body: RegistrationBody; Headers: { 'idempotency-key'?: string } }>(
    '/api/registrations',
    { schema: { body: RegistrationBody, headers: IdempotencyHeaders, response: { 201: RegistrationCreated, 400: ApiError } } },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      if (key !== undefined && !/^[\x21-\x7e]+$/.test(key)) throw new ApiFailure(400, 'Idempotency-Key', 'invalid');
      const language = requestLanguage(request);
      const outcome = await app.writes.run(() => register(app.registrationsOf(request.congress.id), request.body, language, key ? { key, body: request.body } : undefined));
      app.announceRegistrationChanges(request.congress.id, outcome.changes);
      return reply.code(outcome.statusCode).send(outcome.body);
    },
  );

  app.post<{ Body: LinkRequestBody }>('/api/me/link', { schema: { body: LinkRequestBody, response: { 202: LinkRequestAccepted } } }, async (request, reply) => {
    await app.writes.run(() => sendLinkAgain(app.registrationsOf(request.congress.id), request.body.email));
    app.wakeMailSender();
    return reply.code(202).send({ accepted: true as const });
  });
}
