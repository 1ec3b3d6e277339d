import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import {
  BoardingBody,
  BusManifest,
  MyTours,
  SeatMoveBody,
  SeatRequestAnswer,
  TakeSeatBody,
  TourAssignmentPreview,
  TourChoicesBody,
  TourSettingsBody,
  TourView,
} from '../../shared/tour-schema.ts';
import type { AccountPrincipal, DelegatePrincipal } from '../auth/authentication.ts';
import { askedLanguage, LangQuery, requestLanguage } from '../http/error-handler.ts';
import { boardPassenger, busManifest, busManifestCsv, unboardPassenger } from './bus-manifest.ts';
import { moveDelegateSeat, publishTours, runTourAssignment, setTourChoicesDeadline, tourAssignmentPreview } from './tour-assignment-service.ts';
import { tourCatalog } from './tour-catalog.ts';
import { myTours, releaseSeat, requestSeat, setTourChoices } from './tour-choices-service.ts';

const BusParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const PassengerParams = Type.Object({ id: Type.Integer({ minimum: 1 }), delegate: Type.Integer({ minimum: 1 }) });
const DelegateParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const delegateId = (request: FastifyRequest) => (request.principal as DelegatePrincipal).delegateId;
const accountId = (request: FastifyRequest) => (request.principal as AccountPrincipal).accountId;

/** The tours everyone may read. */
export async function tourCatalogRoutes(app: FastifyInstance) {
  app.get('/api/tours', { schema: { response: { 200: Type.Array(TourView) } } }, async (request) => tourCatalog(app.db, request.congress.id, requestLanguage(request)));
}

/** A delegate's tours: ranking choices, then their seat, the waiting list and giving a seat up. */
export async function myTourRoutes(app: FastifyInstance) {
  app.addHook('onRequest', app.requireDelegate);
  app.get('/api/me/tours', { schema: { response: { 200: MyTours } } }, async (request) => myTours(app.db, request.congress.id, delegateId(request), requestLanguage(request)));
  app.put<{ Body: TourChoicesBody }>('/api/me/tours/choices', { schema: { body: TourChoicesBody, response: { 200: MyTours } } }, async (request) => {
    setTourChoices(app.db, request.congress.id, delegateId(request), request.body.tours);
    app.announceTourChanges(request.congress.id, []);
    return myTours(app.db, request.congress.id, delegateId(request), requestLanguage(request));
  });
  app.post<{ Body: TakeSeatBody }>('/api/me/tours/seat', { schema: { body: TakeSeatBody, response: { 200: SeatRequestAnswer } } }, async (request) => {
    const answer = requestSeat(app.db, request.congress.id, delegateId(request), request.body.tour, requestLanguage(request));
    app.announceTourChanges(request.congress.id, [delegateId(request)]);
    return answer;
  });
  app.delete('/api/me/tours/seat', { schema: { response: { 200: MyTours } } }, async (request) => {
    app.announceTourChanges(request.congress.id, releaseSeat(app.db, delegateId(request), { type: 'delegate', id: delegateId(request) }));
    return myTours(app.db, request.congress.id, delegateId(request), requestLanguage(request));
  });
}

/** Organisers: run, adjust and publish the assignment. */
export async function tourAssignmentRoutes(app: FastifyInstance) {
  app.addHook('onRequest', app.requireAccount('organiser'));
  const preview = (request: FastifyRequest) => tourAssignmentPreview(app.db, request.congress.id, requestLanguage(request));
  app.get('/api/tours/assignment', { schema: { response: { 200: TourAssignmentPreview } } }, async (request) => preview(request));
  app.post('/api/tours/assignment/run', { schema: { response: { 200: TourAssignmentPreview } } }, async (request) => {
    runTourAssignment(app.db, request.congress.id, accountId(request));
    app.announceTourChanges(request.congress.id, []);
    return preview(request);
  });
  app.put<{ Params: Static<typeof DelegateParams>; Body: SeatMoveBody }>(
    '/api/tours/assignment/seats/:id',
    { schema: { params: DelegateParams, body: SeatMoveBody, response: { 200: TourAssignmentPreview } } },
    async (request) => {
      app.announceTourChanges(request.congress.id, moveDelegateSeat(app.db, request.congress.id, request.params.id, request.body.bus, accountId(request)));
      return preview(request);
    },
  );
  app.post('/api/tours/assignment/publish', { schema: { response: { 200: TourAssignmentPreview } } }, async (request) => {
    app.announceTourChanges(request.congress.id, publishTours(app.db, request.congress.id, accountId(request)));
    return preview(request);
  });
  app.patch<{ Body: TourSettingsBody }>('/api/tours/settings', { schema: { body: TourSettingsBody, response: { 200: TourAssignmentPreview } } }, async (request) => {
    setTourChoicesDeadline(app.db, request.congress.id, request.body.choicesCloseAt, accountId(request));
    return preview(request);
  });
}

/** Organisers and staff at the bus door: manifests and the boarding check. */
export async function busRoutes(app: FastifyInstance) {
  app.addHook('onRequest', app.requireAccount('organiser', 'floor'));
  app.get<{ Params: Static<typeof BusParams> }>('/api/tours/buses/:id/manifest', { schema: { params: BusParams, response: { 200: BusManifest } } }, async (request) =>
    busManifest(app.db, request.congress.id, request.params.id, requestLanguage(request)),
  );
  app.get<{ Params: Static<typeof BusParams>; Querystring: LangQuery }>(
    '/api/tours/buses/:id/manifest.csv',
    { schema: { params: BusParams, querystring: LangQuery } },
    async (request, reply) => {
      const language = askedLanguage(request, request.query.lang);
      const manifest = busManifest(app.db, request.congress.id, request.params.id, language);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="manifest-${manifest.tour.code}-bus-${request.params.id}.csv"`)
        .send(busManifestCsv(manifest, language, request.congress.timeZone));
    },
  );
  app.post<{ Params: Static<typeof BusParams>; Body: BoardingBody }>('/api/tours/buses/:id/boarding', { schema: { params: BusParams, body: BoardingBody } }, async (request) => {
    const answer = boardPassenger(app.db, request.congress.id, request.params.id, request.body.delegate, accountId(request));
    app.announceTourChanges(request.congress.id, [request.body.delegate]);
    return answer;
  });
  app.delete<{ Params: Static<typeof PassengerParams> }>('/api/tours/buses/:id/boarding/:delegate', { schema: { params: PassengerParams } }, async (request, reply) => {
    unboardPassenger(app.db, request.congress.id, request.params.id, request.params.delegate, accountId(request));
    app.announceTourChanges(request.congress.id, [request.params.delegate]);
    return reply.code(204).send();
  });
}
