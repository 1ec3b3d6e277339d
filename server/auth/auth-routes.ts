import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { PasswordResetBody, PasswordResetRequestBody, SessionHoldingField, SignedInAccount } from '../../shared/team-schema.ts';
import { requestLanguage } from '../http/error-handler.ts';
import { requestPasswordReset, resetPassword } from './password-reset.ts';
import type { AccountPrincipal } from './authentication.ts';
import { accountInCongress, logIn, logOut } from './accounts-service.ts';
import { throttledSignIn } from './sign-in-throttle.ts';
import { csrfTokenFor, forgetSessionCookie, sessionFromCookie, signedInAnswer } from './session-cookie.ts';

const LoginBody = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 200 }), session: SessionHoldingField },
  { additionalProperties: false },
);

export async function authRoutes(app: FastifyInstance) {
  app.post<{ Body: Static<typeof LoginBody> }>(
    '/api/auth/login',
    // Slows password guessing; a person mistyping a few times is not held up.
    { schema: { body: LoginBody }, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const session = await throttledSignIn(app.requestCounts, request.body.email, () => logIn(app.db, request.congress.id, request.body.email, request.body.password));
      return signedInAnswer(app.db, reply, request.body.session, app.secureCookies, session);
    },
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
    logOut(app.db, request.sessionToken!);
    forgetSessionCookie(reply, app.secureCookies);
    return reply.code(204).send();
  });
  // Which screens to offer: the signed-in account and its role in this congress.
  // A page signed in by cookie learns its CSRF token here again after a reload.
  app.get('/api/auth/account', { onRequest: app.requireAccount('organiser', 'desk', 'floor'), schema: { response: { 200: SignedInAccount } } }, async (request) => ({
    ...accountInCongress(app.db, request.congress.id, (request.principal as AccountPrincipal).accountId),
    ...(sessionFromCookie(request) === request.sessionToken ? { csrfToken: csrfTokenFor(app.db, request.sessionToken!) } : {}),
  }));
}
