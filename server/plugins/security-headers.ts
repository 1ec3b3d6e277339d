import fp from 'fastify-plugin';
import helmet from 'helmet';

/**
 * Security headers on every answer. The page runs only the scripts it is served with (no inline script, no eval),
 * no site may frame it (an organiser's screen cannot be overlaid to trick a click), content types are taken as
 * sent, and no address is handed on as a referrer: a feed's address holds a personal key. Helmet's middleware is
 * built once and applied to every answer (the Fastify wrapper rebuilt it per request, a tenth of registration's
 * throughput).
 */
export default fp(
  async (app) => {
    const setHeaders = helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Preact and Chart.js set style attributes from script; no stylesheet comes from elsewhere.
          styleSrc: ["'self'", "'unsafe-inline'"],
          // QR codes and charts are drawn as data: and blob: images; the camera's picture is a blob.
          imgSrc: ["'self'", 'data:', 'blob:'],
          mediaSrc: ["'self'", 'blob:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      referrerPolicy: { policy: 'no-referrer' },
      // Calendar apps and the verification page are opened from elsewhere; nothing here needs isolating from them.
      crossOriginResourcePolicy: { policy: 'same-site' },
    });
    app.addHook('onRequest', (request, reply, done) => setHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)));
  },
  { name: 'security-headers' },
);
