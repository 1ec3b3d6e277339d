import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Registration, RegistrationUpdateBody } from '../../shared/registration-schema.ts';
import type { DelegatePrincipal } from '../auth/authentication.ts';
import { releaseSeat } from '../tours/tour-choices-service.ts';
import { cancelRegistration, getRegistration, updateRegistration } from './registration-service.ts';

const delegateId = (request: FastifyRequest) => (request.principal as DelegatePrincipal).delegateId;

/** `/api/me`: a delegate reads, edits and cancels their own registration with their personal token. */
export async function meRoutes(app: FastifyInstance) {
  app.addHook('onRequest', app.requireDelegate);
  app.get('/api/me', { schema: { response: { 200: Registration } } }, async (request) => getRegistration(app.registrationsOf(request.congress.id), delegateId(request)));
  app.patch<{ Body: RegistrationUpdateBody }>('/api/me', { schema: { body: RegistrationUpdateBody, response: { 200: Registration } } }, async (request) => {
    const registration = updateRegistration(app.registrationsOf(request.congress.id), delegateId(request), request.body);
    app.announceRegistrationChanges(request.congress.id, [{ delegateId: registration.id, status: registration.status }]);
    return registration;
  });
  app.delete('/api/me', { schema: { response: { 200: Registration } } }, async (request) => {
    const changes = cancelRegistration(app.registrationsOf(request.congress.id), delegateId(request));
    app.announceRegistrationChanges(request.congress.id, changes);
    // A cancelled delegate's bus seat goes to the tour's waiting list.
    app.announceTourChanges(request.congress.id, releaseSeat(app.db, delegateId(request), { type: 'delegate', id: delegateId(request) }));
    return getRegistration(app.registrationsOf(request.congress.id), delegateId(request));
  });
}
