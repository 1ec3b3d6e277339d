import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import {
  MyAgenda,
  PersonCreateBody,
  PersonPatchBody,
  ProgrammeView,
  RoomCreateBody,
  RoomPatchBody,
  SessionCreateBody,
  SessionEditable,
  SessionPatchBody,
  SessionView,
} from '../../shared/programme-schema.ts';
import type { AccountPrincipal, DelegatePrincipal } from '../auth/authentication.ts';
import { requestLanguage } from '../http/error-handler.ts';
import { addToAgenda, myAgenda, removeFromAgenda } from './agenda-service.ts';
import { editableSession, programme, saveSession, type AgendaNotice } from './programme-service.ts';
import { savePerson, saveRoom } from './rooms-and-people-service.ts';
import { delegateTopic } from '../registration/registration-repository.ts';

const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 60 }) });

/** The programme for everyone, in the reader's language. */
export async function programmeRoutes(app: FastifyInstance) {
  app.get('/api/programme', { schema: { response: { 200: ProgrammeView } } }, async (request) => programme(app.db, app.congressId, requestLanguage(request)));
}

/** Tells delegates why their agenda changed (a place, a session called off or on), on their own topic, once committed. */
function announce(app: FastifyInstance, notices: AgendaNotice[], session: string) {
  for (const { delegateId, change } of notices) app.live.publish(delegateTopic(delegateId), { type: 'agenda.changed', session, change });
}

const RoomView = ProgrammeView.properties.rooms.items;
const PersonView = ProgrammeView.properties.people.items;

/** Organisers add and change sessions (with their papers), rooms and people; clashes of rooms and people are refused. */
export async function programmeEditingRoutes(app: FastifyInstance) {
  app.addHook('onRequest', app.requireAccount('organiser'));
  const accountId = (principal: unknown) => (principal as AccountPrincipal).accountId;
  const viewFor = (request: Parameters<typeof requestLanguage>[0]) => programme(app.db, app.congressId, requestLanguage(request));
  const sessionView = (code: string, request: Parameters<typeof requestLanguage>[0]) => viewFor(request).sessions.find((session) => session.code === code)!;
  const roomView = (code: string, request: Parameters<typeof requestLanguage>[0]) => viewFor(request).rooms.find((room) => room.code === code)!;
  const personView = (code: string, request: Parameters<typeof requestLanguage>[0]) => viewFor(request).people.find((person) => person.code === code)!;
  app.get<{ Params: Static<typeof CodeParams> }>('/api/programme/sessions/:code', { schema: { params: CodeParams, response: { 200: SessionEditable } } }, async (request) =>
    editableSession(app.db, app.congressId, request.params.code),
  );
  app.post<{ Body: SessionCreateBody }>('/api/programme/sessions', { schema: { body: SessionCreateBody, response: { 201: SessionView } } }, async (request, reply) => {
    saveSession(app.db, app.congressId, request.body.code, { create: request.body }, accountId(request.principal));
    return reply.code(201).send(sessionView(request.body.code, request));
  });
  app.patch<{ Params: Static<typeof CodeParams>; Body: SessionPatchBody }>(
    '/api/programme/sessions/:code',
    { schema: { params: CodeParams, body: SessionPatchBody, response: { 200: SessionView } } },
    async (request) => {
      announce(app, saveSession(app.db, app.congressId, request.params.code, { patch: request.body }, accountId(request.principal)), request.params.code);
      return sessionView(request.params.code, request);
    },
  );

  app.post<{ Body: RoomCreateBody }>('/api/programme/rooms', { schema: { body: RoomCreateBody, response: { 201: RoomView } } }, async (request, reply) => {
    saveRoom(app.db, app.congressId, request.body.code, { create: request.body }, accountId(request.principal));
    return reply.code(201).send(roomView(request.body.code, request));
  });
  app.patch<{ Params: Static<typeof CodeParams>; Body: RoomPatchBody }>(
    '/api/programme/rooms/:code',
    { schema: { params: CodeParams, body: RoomPatchBody, response: { 200: RoomView } } },
    async (request) => {
      saveRoom(app.db, app.congressId, request.params.code, { patch: request.body }, accountId(request.principal));
      return roomView(request.params.code, request);
    },
  );

  app.post<{ Body: PersonCreateBody }>('/api/programme/people', { schema: { body: PersonCreateBody, response: { 201: PersonView } } }, async (request, reply) => {
    savePerson(app.db, app.congressId, request.body.code, { create: request.body }, accountId(request.principal));
    return reply.code(201).send(personView(request.body.code, request));
  });
  app.patch<{ Params: Static<typeof CodeParams>; Body: PersonPatchBody }>(
    '/api/programme/people/:code',
    { schema: { params: CodeParams, body: PersonPatchBody, response: { 200: PersonView } } },
    async (request) => {
      savePerson(app.db, app.congressId, request.params.code, { patch: request.body }, accountId(request.principal));
      return personView(request.params.code, request);
    },
  );
}

/** A delegate's own agenda: add and remove sessions, sign up for side events with places. */
export async function agendaRoutes(app: FastifyInstance) {
  app.addHook('onRequest', app.requireDelegate);
  const delegateId = (principal: unknown) => (principal as DelegatePrincipal).delegateId;
  app.get('/api/me/agenda', { schema: { response: { 200: MyAgenda } } }, async (request) => myAgenda(app.db, app.congressId, delegateId(request.principal), requestLanguage(request)));
  const AgendaStatus = Type.Object({ status: Type.Union([Type.Literal('going'), Type.Literal('waitlisted')]) });
  app.put<{ Params: Static<typeof CodeParams> }>('/api/me/agenda/:code', { schema: { params: CodeParams, response: { 200: AgendaStatus } } }, async (request) => ({
    status: addToAgenda(app.db, app.congressId, delegateId(request.principal), request.params.code),
  }));
  app.delete<{ Params: Static<typeof CodeParams> }>('/api/me/agenda/:code', { schema: { params: CodeParams } }, async (request, reply) => {
    announce(app, removeFromAgenda(app.db, app.congressId, delegateId(request.principal), request.params.code), request.params.code);
    return reply.code(204).send();
  });
}
