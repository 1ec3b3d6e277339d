import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { congresses } from '../../db/schema/index.ts';
import {
  MyVisaLetter,
  VerifyParams,
  VisaLetterDeclineBody,
  VisaLetterParams,
  VisaLetterQueue,
  VisaLetterQueueQuery,
  VisaLetterRequestBody,
  VisaLetterReview,
  VisaLetterSettings,
  VisaLetterVerification,
} from '../../shared/visa-letter-schema.ts';
import type { AccountPrincipal, DelegatePrincipal } from '../auth/authentication.ts';
import { recordAudit } from '../database/audit.ts';
import { withTransaction } from '../database/transaction.ts';
import { approveVisaLetter, declineVisaLetter, myVisaLetterPdf, revokeVisaLetter } from './visa-letter-decisions.ts';
import { myVisaLetterIfAny, requestVisaLetter, verifyVisaLetter, visaLetterQueue } from './visa-letter-service.ts';

const delegateId = (request: FastifyRequest) => (request.principal as DelegatePrincipal).delegateId;
const accountId = (request: FastifyRequest) => (request.principal as AccountPrincipal).accountId;

/** A delegate asks for a visa invitation letter, follows the request and downloads the letter once issued. */
export async function myVisaLetterRoutes(app: FastifyInstance) {
  app.addHook('onRequest', app.requireDelegate);
  app.post<{ Body: VisaLetterRequestBody }>('/api/me/visa-letter', { schema: { body: VisaLetterRequestBody, response: { 201: MyVisaLetter } } }, async (request, reply) =>
    reply.code(201).send(requestVisaLetter(app.db, request.congress.id, delegateId(request), request.body)),
  );
  // No request yet is an answer (null), not a refusal: the page asks on every load.
  app.get('/api/me/visa-letter', { schema: { response: { 200: Type.Union([MyVisaLetter, Type.Null()]) } } }, async (request) => myVisaLetterIfAny(app.db, request.congress.id, delegateId(request)));
  app.get('/api/me/visa-letter.pdf', async (request, reply) => {
    const pdf = await myVisaLetterPdf(app.db, request.congress.id, delegateId(request), app.publicUrl);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="visa-letter-${request.congress.slug}.pdf"`).send(pdf);
  });
}

/** Organisers review the requests (passport data included: nobody else sees it), issue, decline or revoke letters, and word them. */
export async function visaLetterReviewRoutes(app: FastifyInstance) {
  app.addHook('onRequest', app.requireAccount('organiser'));
  app.get<{ Querystring: VisaLetterQueueQuery }>('/api/visa-letters', { schema: { querystring: VisaLetterQueueQuery, response: { 200: VisaLetterQueue } } }, async (request) =>
    visaLetterQueue(app.db, request.congress.id, request.query.status),
  );
  app.post<{ Params: VisaLetterParams }>('/api/visa-letters/:id/approve', { schema: { params: VisaLetterParams, response: { 200: VisaLetterReview } } }, async (request) => {
    const letter = await approveVisaLetter(app.db, request.congress.id, request.params.id, accountId(request), app.publicUrl);
    app.wakeMailSender();
    return letter;
  });
  // Declining a request and revoking a letter both take the organisers' reason, which the delegate is mailed.
  for (const [action, decide] of [['decline', declineVisaLetter], ['revoke', revokeVisaLetter]] as const) {
    app.post<{ Params: VisaLetterParams; Body: VisaLetterDeclineBody }>(
      `/api/visa-letters/:id/${action}`,
      { schema: { params: VisaLetterParams, body: VisaLetterDeclineBody, response: { 200: VisaLetterReview } } },
      async (request) => {
        const letter = decide(app.db, request.congress.id, request.params.id, accountId(request), request.body.reason);
        app.wakeMailSender();
        return letter;
      },
    );
  }
  app.get('/api/visa-letters/settings', { schema: { response: { 200: { anyOf: [VisaLetterSettings, { type: 'null' }] } } } }, async (request) =>
    app.db.select({ settings: congresses.visaLetter }).from(congresses).where(eq(congresses.id, request.congress.id)).get()!.settings,
  );
  app.put<{ Body: VisaLetterSettings }>('/api/visa-letters/settings', { schema: { body: VisaLetterSettings, response: { 200: VisaLetterSettings } } }, async (request) =>
    withTransaction(app.db, (tx) => {
      const settings = { ...request.body, signatory: request.body.signatory.trim() };
      tx.update(congresses).set({ visaLetter: settings }).where(eq(congresses.id, request.congress.id)).run();
      recordAudit(tx, { congressId: request.congress.id, actorType: 'account', actorId: accountId(request), action: 'visaLetter.settings', entity: 'congress', entityId: request.congress.id, data: settings });
      return settings;
    }),
  );
}

/** Anyone holding a letter's code checks it; only the holder, the congress, the issue date and whether it stands. */
export async function visaLetterVerificationRoutes(app: FastifyInstance) {
  app.get<{ Params: VerifyParams }>(
    '/api/verify/:code',
    { schema: { params: VerifyParams, response: { 200: VisaLetterVerification } }, config: { rateLimit: { max: 60, timeWindow: '1 minute' } } },
    async (request) => verifyVisaLetter(app.db, request.params.code),
  );
}
