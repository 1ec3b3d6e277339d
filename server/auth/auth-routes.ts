import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { SignedInAccount } from '../../shared/team-schema.ts';
import { bearerToken } from './principal.ts';
import type { AccountPrincipal } from './authentication.ts';
import { accountInCongress, logIn, logOut } from './accounts-service.ts';

const LoginBody = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export async function authRoutes(app: FastifyInstance) {
  app.post<{ Body: Static<typeof LoginBody> }>(
    '/api/auth/login',
    // Slows password guessing; a person mistyping a few times is not held up.
    { schema: { body: LoginBody }, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request) => logIn(app.db, request.congress.id, request.body.email, request.body.password),
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
