import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { bearerToken } from './principal.ts';
import { logIn, logOut } from './accounts-service.ts';

const LoginBody = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

export async function authRoutes(app: FastifyInstance) {
  app.post<{ Body: Static<typeof LoginBody> }>(
    '/api/auth/login',
    // Slows password guessing; a person mistyping a few times is not held up.
    { schema: { body: LoginBody }, config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request) => logIn(app.db, request.body.email, request.body.password),
  );
  app.post('/api/auth/logout', { onRequest: app.requireAccount('organiser', 'staff') }, async (request, reply) => {
    logOut(app.db, bearerToken(request.headers.authorization)!);
    return reply.code(204).send();
  });
}
