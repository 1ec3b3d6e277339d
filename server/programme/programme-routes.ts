import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static, type TSchema } from 'typebox';
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
import type { Change } from './record-change.ts';
import { delegateTopic } from '../registration/registration-repository.ts';

const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 60 }) });

/** The programme for everyone, in the reader's language. */
export async function programmeRoutes(app: FastifyInstance) {
  app.get('/api/programme', { schema: { response: { 200: ProgrammeView } } }, async (request) => programme(app.db, request.congress.id, requestLanguage(request)));
}

/** Tells delegates why their agenda changed (a place, a session called off or on), on their own topic, once committed. */
export function announce(app: FastifyInstance, congressId: number, notices: AgendaNotice[], session: string) {
  for (const { delegateId, change } of notices) app.live.publish(congressId, delegateTopic(delegateId), { type: 'agenda.changed', session, change });
}

const RoomView = ProgrammeView.properties.rooms.items;
const PersonView = ProgrammeView.properties.people.items;

/**
 * Adding (POST `path`) and changing (PATCH `path/:code`) one kind of programme record, around its save and its view
 * in the reader's language; `afterSave` gets what the save returned once it is committed.
 */
function editingRoutes<Create extends TSchema, Patch extends TSchema, Saved>(
  app: FastifyInstance,
  path: string,
  schemas: { create: Create; patch: Patch; view: TSchema },
  save: (congressId: number, code: string, change: Change<Static<Create>, Static<Patch>>, accountId: number) => Saved,
  view: (code: string, request: FastifyRequest) => unknown,
  afterSave: (congressId: number, saved: Saved, code: string) => void = () => {},
) {
  const accountId = (request: FastifyRequest) => (request.principal as AccountPrincipal).accountId;
  app.post<{ Body: Static<Create> }>(path, { schema: { body: schemas.create, response: { 201: schemas.view } } }, async (request, reply) => {
    const { code } = request.body as { code: string };
    afterSave(request.congress.id, save(request.congress.id, code, { create: request.body as Static<Create> }, accountId(request)), code);
    return reply.code(201).send(view(code, request));
  });
  app.patch<{ Params: Static<typeof CodeParams>; Body: Static<Patch> }>(
    `${path}/:code`,
    { schema: { params: CodeParams, body: schemas.patch, response: { 200: schemas.view } } },
    async (request) => {
      afterSave(request.congress.id, save(request.congress.id, request.params.code, { patch: request.body as Static<Patch> }, accountId(request)), request.params.code);
      return view(request.params.code, request);
    },
  );
}

/** Organisers add and change sessions (with their papers), rooms and people; clashes of rooms and people are refused. */
export async function programmeEditingRoutes(app: FastifyInstance) {
  app.addHook('onRequest', app.requireAccount('organiser'));
  const viewFor = (request: FastifyRequest) => programme(app.db, request.congress.id, requestLanguage(request));
  app.get<{ Params: Static<typeof CodeParams> }>('/api/programme/sessions/:code', { schema: { params: CodeParams, response: { 200: SessionEditable } } }, async (request) =>
    editableSession(app.db, request.congress.id, request.params.code),
  );
  editingRoutes(
    app,
    '/api/programme/sessions',
    { create: SessionCreateBody, patch: SessionPatchBody, view: SessionView },
    (congressId, code, change, accountId) => saveSession(app.db, congressId, code, change, accountId),
    (code, request) => viewFor(request).sessions.find((session) => session.code === code),
    (congressId, notices, code) => announce(app, congressId, notices, code),
  );
  editingRoutes(
    app,
    '/api/programme/rooms',
    { create: RoomCreateBody, patch: RoomPatchBody, view: RoomView },
    (congressId, code, change, accountId) => saveRoom(app.db, congressId, code, change, accountId),
    (code, request) => viewFor(request).rooms.find((room) => room.code === code),
  );
  editingRoutes(
    app,
    '/api/programme/people',
    { create: PersonCreateBody, patch: PersonPatchBody, view: PersonView },
    (congressId, code, change, accountId) => savePerson(app.db, congressId, code, change, accountId),
    (code, request) => viewFor(request).people.find((person) => person.code === code),
  );
}

/** A delegate's own agenda: add and remove sessions, sign up for side events with places. */
export async function agendaRoutes(app: FastifyInstance) {
  app.addHook('onRequest', app.requireDelegate);
  const delegateId = (principal: unknown) => (principal as DelegatePrincipal).delegateId;
  app.get('/api/me/agenda', { schema: { response: { 200: MyAgenda } } }, async (request) => myAgenda(app.db, request.congress.id, delegateId(request.principal), requestLanguage(request)));
  const AgendaStatus = Type.Object({ status: Type.Union([Type.Literal('going'), Type.Literal('waitlisted')]) });
  app.put<{ Params: Static<typeof CodeParams> }>('/api/me/agenda/:code', { schema: { params: CodeParams, response: { 200: AgendaStatus } } }, async (request) => ({
    status: addToAgenda(app.db, request.congress.id, delegateId(request.principal), request.params.code),
  }));
  app.delete<{ Params: Static<typeof CodeParams> }>('/api/me/agenda/:code', { schema: { params: CodeParams } }, async (request, reply) => {
    announce(app, request.congress.id, removeFromAgenda(app.db, request.congress.id, delegateId(request.principal), request.params.code), request.params.code);
    return reply.code(204).send();
  });
}
