import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { ArrivalCandidate, ArrivalSearchQuery, BadgeQuery, CheckInBody, CheckInByNameBody, CheckInCounts, CheckInResult, MyBadge } from '../../shared/check-in-schema.ts';
import type { AccountPrincipal, DelegatePrincipal } from '../auth/authentication.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { askedLanguage, requestLanguage } from '../http/error-handler.ts';
import { badgeHolders } from './badge-pdf.ts';
import { printBadges } from './badge-printer.ts';
import { checkIn, checkInByName, checkInCounts, findArrivals, myBadge } from './check-in-service.ts';
import { accountsHolding } from '../live/live-hub.ts';

/** The live topic of arrivals, for the organisers' and desks' screens. */
export const checkInTopic = 'check-in';

const sendPdf = (reply: FastifyReply, name: string, bytes: Buffer) =>
  reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${name}"`).send(bytes);

/** Badges to print (organisers and desk staff: by category and country, or one delegate's again; a delegate: their own). */
export async function badgeRoutes(app: FastifyInstance) {
  app.get<{ Querystring: BadgeQuery }>('/api/badges.pdf', { onRequest: app.requireAccount('organiser', 'desk'), schema: { querystring: BadgeQuery } }, async (request, reply) => {
    const language = askedLanguage(request, request.query.lang);
    const { category, country, delegate } = request.query;
    const holders = badgeHolders(app.db, request.congress.id, { category, country, delegateId: delegate });
    // Nobody to print: the refusal names the narrowest filter asked for.
    if (holders.length === 0) throw new ApiFailure(404, delegate ? 'delegate' : country ? 'country' : 'category', 'notFound');
    return sendPdf(reply, 'badges.pdf', await printBadges(app.db, request.congress.id, holders, language));
  });
  app.get('/api/me/badge', { onRequest: app.requireDelegate, schema: { response: { 200: MyBadge } } }, async (request) =>
    myBadge(app.db, request.congress.id, (request.principal as DelegatePrincipal).delegateId),
  );
  app.get('/api/me/badge.pdf', { onRequest: app.requireDelegate }, async (request, reply) => {
    const holders = badgeHolders(app.db, request.congress.id, { delegateId: (request.principal as DelegatePrincipal).delegateId });
    if (holders.length === 0) throw new ApiFailure(409, 'status', 'notConfirmed');
    return sendPdf(reply, 'badge.pdf', await printBadges(app.db, request.congress.id, holders, requestLanguage(request)));
  });
}

/** Desks at the door: a scan checks a delegate in; the counts go out live. */
export async function checkInRoutes(app: FastifyInstance) {
  app.addHook('onRequest', app.requireAccount('organiser', 'desk'));
  app.live.defineTopic(checkInTopic, accountsHolding('organiser', 'desk'));
  // A new arrival's counts reach every desk; a repeated scan changes nothing to announce.
  const announced = (congressId: number, result: CheckInResult) => {
    if (result.status === 'checked-in') app.live.publish(congressId, checkInTopic, { type: 'check-in', ...checkInCounts(app.db, congressId) });
    return result;
  };
  app.post<{ Body: CheckInBody }>('/api/check-ins', { schema: { body: CheckInBody, response: { 200: CheckInResult } } }, async (request) =>
    announced(request.congress.id, checkIn(app.db, request.congress.id, request.body.badgeCode, request.body.desk, (request.principal as AccountPrincipal).accountId)),
  );
  app.get<{ Querystring: ArrivalSearchQuery }>('/api/check-ins/search', { schema: { querystring: ArrivalSearchQuery, response: { 200: Type.Array(ArrivalCandidate) } } }, async (request) =>
    findArrivals(app.db, request.congress.id, request.query.q),
  );
  app.post<{ Body: CheckInByNameBody }>('/api/check-ins/by-name', { schema: { body: CheckInByNameBody, response: { 200: CheckInResult } } }, async (request) =>
    announced(request.congress.id, checkInByName(app.db, request.congress.id, request.body.delegate, request.body.desk, (request.principal as AccountPrincipal).accountId)),
  );
  app.get('/api/check-ins/counts', { schema: { response: { 200: CheckInCounts } } }, async (request) => checkInCounts(app.db, request.congress.id));
}
