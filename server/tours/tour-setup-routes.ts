import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { BusBody, BusChanged, BusPatch, TourAsStored, TourBody, TourPatch, ToursAsStored } from '../../shared/tour-setup-schema.ts';
import type { AccountPrincipal } from '../auth/authentication.ts';
import { addBus, createTour, deleteTour, removeBus, toursAsStored, updateBus, updateTour } from './tour-setup-service.ts';

const TourParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 60 }) });
const BusParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const accountId = (request: FastifyRequest) => (request.principal as AccountPrincipal).accountId;

/** Organisers set up the cluster tours and their buses: texts per language, times, meeting points, seats and guides. */
export async function tourSetupRoutes(app: FastifyInstance) {
  app.addHook('onRequest', app.requireAccount('organiser'));

  app.get('/api/tours/setup', { schema: { response: { 200: ToursAsStored } } }, async (request) => ({ tours: toursAsStored(app.db, request.congress.id) }));

  app.post<{ Body: TourBody }>('/api/tours', { schema: { body: TourBody, response: { 201: TourAsStored } } }, async (request, reply) => {
    const tour = createTour(app.db, request.congress.id, request.body, accountId(request));
    app.announceTourChanges(request.congress.id, []);
    return reply.code(201).send(tour);
  });

  app.patch<{ Params: Static<typeof TourParams>; Body: TourPatch }>(
    '/api/tours/:code',
    { schema: { params: TourParams, body: TourPatch, response: { 200: TourAsStored } } },
    async (request) => {
      const { tour, seated } = updateTour(app.db, request.congress.id, request.params.code, request.body, accountId(request));
      app.announceTourChanges(request.congress.id, seated);
      return tour;
    },
  );

  app.delete<{ Params: Static<typeof TourParams> }>('/api/tours/:code', { schema: { params: TourParams } }, async (request, reply) => {
    deleteTour(app.db, request.congress.id, request.params.code, accountId(request));
    app.announceTourChanges(request.congress.id, []);
    return reply.code(204).send();
  });

  app.post<{ Params: Static<typeof TourParams>; Body: BusBody }>(
    '/api/tours/:code/buses',
    { schema: { params: TourParams, body: BusBody, response: { 201: BusChanged } } },
    async (request, reply) => {
      const changed = addBus(app.db, request.congress.id, request.params.code, request.body, accountId(request));
      app.announceTourChanges(request.congress.id, changed.promoted);
      return reply.code(201).send(changed);
    },
  );

  app.patch<{ Params: Static<typeof BusParams>; Body: BusPatch }>(
    '/api/tours/buses/:id',
    { schema: { params: BusParams, body: BusPatch, response: { 200: BusChanged } } },
    async (request) => {
      const changed = updateBus(app.db, request.congress.id, request.params.id, request.body, accountId(request));
      app.announceTourChanges(request.congress.id, changed.promoted);
      return changed;
    },
  );

  app.delete<{ Params: Static<typeof BusParams> }>('/api/tours/buses/:id', { schema: { params: BusParams, response: { 200: TourAsStored } } }, async (request) => {
    const tour = removeBus(app.db, request.congress.id, request.params.id, accountId(request));
    app.announceTourChanges(request.congress.id, []);
    return tour;
  });
}
