import type { FastifyInstance, FastifyRequest } from 'fastify';
import { eq, sql } from 'drizzle-orm';
import { consultationParticipants } from '../../db/schema/index.ts';
import { Registration, RegistrationUpdateBody } from '../../shared/registration-schema.ts';
import type { DelegatePrincipal } from '../auth/authentication.ts';
import { releaseSeat } from '../tours/tour-choices-service.ts';
import { cancelRegistration, getRegistration, updateRegistration } from './registration-service.ts';
import { erasePersonalData, exportPersonalData } from './personal-data.ts';
import { MeDeleteQuery, PersonalDataExport } from '../../shared/personal-data-schema.ts';
import { announce } from '../programme/programme-routes.ts';

const delegateId = (request: FastifyRequest) => (request.principal as DelegatePrincipal).delegateId;

/** `/api/me`: a delegate reads, edits and cancels their own registration with their personal token, sees everything stored about them and erases it. */
export async function meRoutes(app: FastifyInstance) {
  app.addHook('onRequest', app.requireDelegate);
  const speaksFor = app.db
    .select({ role: consultationParticipants.role })
    .from(consultationParticipants)
    .where(eq(consultationParticipants.delegateId, sql.placeholder('delegateId')))
    .prepare();
  // The page offers the consultation section only to a buyer's or supplier's delegate, without asking the server first.
  app.get('/api/me', { schema: { response: { 200: Registration } } }, async (request) => ({
    ...getRegistration(app.registrationsOf(request.congress.id), delegateId(request)),
    consultationRole: speaksFor.get({ delegateId: delegateId(request) })?.role ?? null,
  }));
  app.patch<{ Body: RegistrationUpdateBody }>('/api/me', { schema: { body: RegistrationUpdateBody, response: { 200: Registration } } }, async (request) => {
    const registration = updateRegistration(app.registrationsOf(request.congress.id), delegateId(request), request.body);
    app.announceRegistrationChanges(request.congress.id, [{ delegateId: registration.id, status: registration.status }]);
    return registration;
  });
  app.get('/api/me/export', { schema: { response: { 200: PersonalDataExport } } }, async (request, reply) => {
    reply.header('content-disposition', `attachment; filename="my-data-${request.congress.slug}.json"`);
    return exportPersonalData(app.db, request.congress.id, delegateId(request));
  });
  app.delete<{ Querystring: MeDeleteQuery }>('/api/me', { schema: { querystring: MeDeleteQuery, response: { 200: Registration } } }, async (request, reply) => {
    if (request.query.erase) {
      const congressId = request.congress.id;
      const erased = erasePersonalData(app.registrationsOf(congressId), delegateId(request), { actorType: 'delegate', actorId: delegateId(request) }, true);
      app.announceRegistrationChanges(congressId, erased.registrations);
      app.announceTourChanges(congressId, erased.tourSeats);
      for (const { session, notices } of erased.agenda) announce(app, congressId, notices, session);
      return reply.code(204).send();
    }
    const changes = cancelRegistration(app.registrationsOf(request.congress.id), delegateId(request));
    app.announceRegistrationChanges(request.congress.id, changes);
    // A cancelled delegate's bus seat goes to the tour's waiting list.
    app.announceTourChanges(request.congress.id, releaseSeat(app.db, delegateId(request), { type: 'delegate', id: delegateId(request) }));
    return getRegistration(app.registrationsOf(request.congress.id), delegateId(request));
  });
}
