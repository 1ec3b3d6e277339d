import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';

/**
 * The OpenAPI document of every route, generated from their TypeBox schemas; served at /api/docs for
 * organisers' scripts and integrations. Registered before the routes, whose schemas it collects as they are added.
 */
export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Cluster congress API',
          version: '1',
          description:
            'Every congress route also exists under /api/c/{slug}/… with the same path after the prefix; the unprefixed routes serve the default congress. ' +
            'Sign in with a bearer token: an organiser session (POST /api/auth/login), a delegate\'s personal key, or an API token of one congress (read-only or full). ' +
            'Refusals answer { field, message } in the language of Accept-Language.',
        },
        components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
        security: [{ bearer: [] }],
      },
    });
    app.get('/api/docs', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
