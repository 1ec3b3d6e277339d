import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MailingCreated, MailingDetail, MailingDraft, MailingList, MailingParams, MailingPreview, MailingRecipientsQuery } from '../../../shared/mailing-schema.ts';
import type { AccountPrincipal } from '../../auth/authentication.ts';
import { listMailings, mailingDetail, previewMailing, sendMailing } from './mailing-service.ts';

const accountId = (request: FastifyRequest) => (request.principal as AccountPrincipal).accountId;

/** Organisers write to a filtered set of delegates: preview the count and a sample, send, and follow each delivery. */
export async function mailingRoutes(app: FastifyInstance) {
  app.addHook('onRequest', app.requireAccount('organiser'));
  app.post<{ Body: MailingDraft }>('/api/mailings/preview', { schema: { body: MailingDraft, response: { 200: MailingPreview } } }, async (request) =>
    previewMailing(app.db, request.congress.id, request.body, app.publicUrl),
  );
  app.post<{ Body: MailingDraft }>('/api/mailings', { schema: { body: MailingDraft, response: { 201: MailingCreated } } }, async (request, reply) => {
    const sent = sendMailing(app.db, request.congress.id, request.body, accountId(request));
    app.wakeMailSender();
    return reply.code(201).send(sent);
  });
  app.get('/api/mailings', { schema: { response: { 200: MailingList } } }, async (request) => ({ sending: app.mailSending, items: listMailings(app.db, request.congress.id) }));
  app.get<{ Params: MailingParams; Querystring: MailingRecipientsQuery }>(
    '/api/mailings/:id',
    { schema: { params: MailingParams, querystring: MailingRecipientsQuery, response: { 200: MailingDetail } } },
    async (request) => ({ sending: app.mailSending, ...mailingDetail(app.db, request.congress.id, request.params.id, request.query) }),
  );
}
