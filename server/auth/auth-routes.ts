import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { PasswordResetBody, PasswordResetRequestBody, SignedInAccount } from '../../shared/team-schema.ts';
import { requestLanguage } from '../http/error-handler.ts';
import { requestPasswordReset, resetPassword } from './password-reset.ts';
import { bearerToken } from './principal.ts';
import type { AccountPrincipal } from './authentication.ts';
import { accountInCongress, logIn, logOut } from './accounts-service.ts';
import { throttledSignIn } from './sign-in-throttle.ts';

const LoginBody = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export async function authRoutes(app: FastifyInstance) {
  app.post<{ Body: Static<typeof LoginBody> }>(
    '/api/auth/login',
    // Slows password guessing; a person mistyping a few times is not held up.
    { schema: { body: LoginBody }, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request) => throttledSignIn(app.requestCounts, request.body.email, () => logIn(app.db, request.congress.id, request.body.email, request.body.password)),
  );
  // Answers the same whether or not an account has the address, so nobody learns who has one.
  app.post<{ Body: PasswordResetRequestBody }>(
    '/api/auth/password-reset',
    { schema: { body: PasswordResetRequestBody, response: { 202: Type.Object({ accepted: Type.Literal(true) }) } }, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      requestPasswordReset(app.db, request.congress.id, request.body.email, requestLanguage(request), request.congress.timeZone);
      app.wakeMailSender();
      return reply.code(202).send({ accepted: true as const });
    },
  );
  app.post<{ Body: PasswordResetBody }>(
    '/api/auth/password-reset/confirm',
    { schema: { body: PasswordResetBody }, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      await resetPassword(app.db, request.body.token, request.body.password);
      return reply.code(204).send();
    },
  );
  app.post('/api/auth/logout', { onRequest: app.requireSignedIn }, async (request, reply) => {
    logOut(app.db, bearerToken(request.headers.authorization)!);
    return reply.code(204).send();
  });
  // Which screens to offer: the signed-in account and its role in this congress.
  app.get('/api/auth/account', { onRequest: app.requireAccount('organiser', 'desk', 'floor'), schema: { response: { 200: SignedInAccount } } }, async (request) =>
    accountInCongress(app.db, request.congress.id, (request.principal as AccountPrincipal).accountId),
  );
}
