import fp from 'fastify-plugin';
import { LiveHub } from './live-hub.ts';

declare module 'fastify' {
  interface FastifyInstance {
    live: LiveHub;
  }
}

export default fp(
  async (app) => {
    app.decorate('live', new LiveHub());
  },
  { name: 'live' },
);
