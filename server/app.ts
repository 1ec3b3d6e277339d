import Fastify, { type FastifyReply, type FastifyServerOptions } from 'fastify';
import websocket from '@fastify/websocket';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import database from './plugins/database.ts';
import abuseLimits, { defaultAbuseLimits, type AbuseLimits } from './abuse/abuse-limits.ts';
import mail, { type MailSettings } from './mail/mail-plugin.ts';
import openapi from './plugins/openapi.ts';
import securityHeaders from './plugins/security-headers.ts';
import congressScope from './congress/congress-scope.ts';
import { rewriteCongressAddress } from './congress/congress-address.ts';
import { demoCongressSlug } from './congress/demo-congress.ts';
import authentication from './auth/authentication.ts';
import live from './live/live.ts';
import registrationRepository from './registration/registration-repository.ts';
import { answerClientError, installErrorHandling, explain, requestLanguage } from './http/error-handler.ts';
import { validatorCompiler } from './http/validation.ts';
import { installCleanText } from './http/clean-text.ts';
import { authRoutes } from './auth/auth-routes.ts';
import { congressRoutes } from './congress/congress-routes.ts';
import { registrationRoutes } from './registration/registration-routes.ts';
import { meRoutes } from './registration/me-routes.ts';
import { delegatesRoutes } from './registration/delegates-routes.ts';
import { defaultLiveTimings, liveRoutes, type LiveTimings } from './live/live-routes.ts';
import consultationLive from './consultations/consultation-live.ts';
import { consultationDirectoryRoutes, consultationRoutes, floorRoutes, myConsultationRoutes, outcomeRoutes } from './consultations/consultation-routes.ts';
import { consultationHallRoutes } from './consultations/day-setup/hall-routes.ts';
import toursRepository from './tours/tours-repository.ts';
import { busRoutes, myTourRoutes, tourAssignmentRoutes, tourCatalogRoutes } from './tours/tours-routes.ts';
import { tourSetupRoutes } from './tours/tour-setup-routes.ts';
import { agendaRoutes, programmeEditingRoutes, programmeRoutes } from './programme/programme-routes.ts';
import { calendarRoutes } from './calendar/calendar-routes.ts';
import { badgeRoutes, checkInRoutes } from './check-in/check-in-routes.ts';
import { importRoutes } from './imports/import-routes.ts';
import { apiTokenRoutes } from './auth/api-token-routes.ts';
import { teamRoutes } from './auth/team-routes.ts';
import { outboxRoutes } from './mail/outbox-routes.ts';
import { mailingRoutes } from './mail/mailings/mailing-routes.ts';
import { myVisaLetterRoutes, visaLetterReviewRoutes, visaLetterVerificationRoutes } from './visa-letters/visa-letter-routes.ts';

export interface AppOptions {
  databasePath: string;
  /** Folder of the built web client; served with a fallback to its index.html for the client's own routes. */
  webRoot?: string | undefined;
  logger?: FastifyServerOptions['logger'];
  /** The slug of the edition the unprefixed routes serve; the demo by default. */
  defaultCongress?: string | undefined;
  /** Outgoing mail; without an SMTP address messages stay in the outbox. */
  mail?: MailSettings | undefined;
  /** Per-address limits; unset ones take their defaults, `0` turns one off. */
  limits?: Partial<AbuseLimits> | undefined;
  /** How long a client may take to send a whole request (headers and body); a slow sender is answered 408. */
  requestTimeoutMs?: number | undefined;
  liveTimings?: Partial<LiveTimings> | undefined;
}

/** Registration bodies are small; anything larger is refused before it is parsed. */
const bodyLimit = 64 * 1024;

export async function buildApp(options: AppOptions) {
  const requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit,
    trustProxy: false,
    // A request trickled in a byte at a time would hold a connection for ever: the whole of it must arrive in time,
    // and Node looks for late ones often enough for that to mean something.
    requestTimeout: requestTimeoutMs,
    http: { headersTimeout: requestTimeoutMs, connectionsCheckingInterval: Math.min(5_000, requestTimeoutMs / 4) },
    clientErrorHandler: answerClientError,
    rewriteUrl: rewriteCongressAddress,
    // An address that cannot be decoded (`/api/verify/%%%`) is refused like any other bad input: JSON naming the url.
    frameworkErrors: (_error, request, reply) => {
      void (reply as FastifyReply).code(400).send(explain({ field: 'url', messageKey: 'invalid', params: {} }, requestLanguage(request)));
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  // The API speaks JSON only; a text body is refused (415) rather than read as a string.
  app.removeContentTypeParser('text/plain');
  installErrorHandling(app);
  installCleanText(app);

  await app.register(websocket, {
    options: { maxPayload: 16 * 1024 },
    // ws names a client's breach of the protocol (an oversized or broken frame) WS_ERR_…: it has closed the socket with
    // the fitting code already, and it is the client's fault, not a server error with a stack trace.
    errorHandler: (error, socket, request) => {
      if ((error as { code?: string }).code?.startsWith('WS_ERR_')) request.log.info({ reason: error.message }, 'live socket closed on a bad frame');
      else {
        request.log.error(error);
        socket.terminate();
      }
    },
  });
  await app.register(securityHeaders);
  await app.register(openapi);
  await app.register(database, { databasePath: options.databasePath });
  await app.register(abuseLimits, { limits: { ...defaultAbuseLimits, ...options.limits } });
  await app.register(mail, options.mail ?? { from: 'Cluster congress <noreply@congress.local>', publicUrl: 'http://127.0.0.1:3000' });
  await app.register(congressScope, { defaultCongress: options.defaultCongress ?? demoCongressSlug });
  await app.register(live);
  await app.register(cookie);
  await app.register(authentication);
  await app.register(registrationRepository);
  await app.register(toursRepository);
  await app.register(consultationLive);

  app.get('/api/health', async () => ({ status: 'ok' }));
  await app.register(congressRoutes);
  await app.register(authRoutes);
  await app.register(registrationRoutes);
  await app.register(meRoutes);
  await app.register(delegatesRoutes);
  await app.register(liveRoutes, { timings: { ...defaultLiveTimings, ...options.liveTimings } });
  await app.register(tourCatalogRoutes);
  await app.register(myTourRoutes);
  await app.register(tourAssignmentRoutes);
  await app.register(busRoutes);
  await app.register(tourSetupRoutes);
  await app.register(consultationRoutes);
  await app.register(consultationHallRoutes);
  await app.register(myConsultationRoutes);
  await app.register(calendarRoutes);
  await app.register(badgeRoutes);
  await app.register(checkInRoutes);
  await app.register(programmeRoutes);
  await app.register(programmeEditingRoutes);
  await app.register(agendaRoutes);
  await app.register(outcomeRoutes);
  await app.register(consultationDirectoryRoutes);
  await app.register(floorRoutes);
  await app.register(importRoutes);
  await app.register(apiTokenRoutes);
  await app.register(teamRoutes);
  await app.register(outboxRoutes);
  await app.register(mailingRoutes);
  await app.register(myVisaLetterRoutes);
  await app.register(visaLetterReviewRoutes);
  await app.register(visaLetterVerificationRoutes);

  const webRoot = options.webRoot && existsSync(resolve(options.webRoot, 'index.html')) ? resolve(options.webRoot) : undefined;
  if (webRoot) await app.register(fastifyStatic, { root: webRoot, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (webRoot && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return reply.code(404).send(explain({ field: 'url', messageKey: 'notFound', params: {} }, requestLanguage(request)));
  });
  return app;
}
