import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { ConsultationHall, HomeTableBody, InterpreterBody, InterpreterPatch } from '../../../shared/consultation-hall-schema.ts';
import { DaySlots, NumberedTablesBody, SlotPatternBody, TableBody } from '../../../shared/consultation-schema.ts';
import type { AccountPrincipal } from '../../auth/authentication.ts';
import { consultationHall, setHomeTable } from './hall-service.ts';
import { createInterpreter, deleteInterpreter, updateInterpreter } from './interpreter-service.ts';
import { replaceDaySlots } from './slot-service.ts';
import { addTables, numberedTableCodes, removeTable } from './table-service.ts';

const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) });
const DayParams = Type.Object({ date: Type.String({ format: 'date' }) });

const accountId = (request: FastifyRequest) => (request.principal as AccountPrincipal).accountId;

/** Organisers set up the consultation day: its slots, the hall's tables and the buyers who keep them, the interpreters. */
export async function consultationHallRoutes(app: FastifyInstance) {
  app.addHook('onRequest', app.requireAccount('organiser'));
  const hall = (request: FastifyRequest) => consultationHall(app.db, request.congress.id);
  /** The floor and the plan read the hall: their screens reload after any change to it. */
  const changed = (request: FastifyRequest) => app.announceConsultationChanges(request.congress.id, []);

  app.get('/api/consultations/hall', { schema: { response: { 200: ConsultationHall } } }, async (request) => hall(request));

  app.put<{ Params: Static<typeof DayParams>; Body: SlotPatternBody }>(
    '/api/consultations/days/:date/slots',
    { schema: { params: DayParams, body: SlotPatternBody, response: { 200: DaySlots } } },
    async (request) => {
      const slots = replaceDaySlots(app.db, request.congress.id, request.params.date, request.body, accountId(request));
      changed(request);
      return { slots: slots.map((slot) => ({ id: slot.code, start: slot.startsAt, end: slot.endsAt })) };
    },
  );

  app.post<{ Body: TableBody }>('/api/consultations/tables', { schema: { body: TableBody } }, async (request, reply) => {
    addTables(app.db, request.congress.id, [request.body.code], accountId(request));
    changed(request);
    return reply.code(201).send({ code: request.body.code });
  });
  app.post<{ Body: NumberedTablesBody }>('/api/consultations/tables/numbered', { schema: { body: NumberedTablesBody, response: { 201: ConsultationHall } } }, async (request, reply) => {
    const { prefix, first, count } = request.body;
    addTables(app.db, request.congress.id, numberedTableCodes(prefix, first, count), accountId(request));
    changed(request);
    return reply.code(201).send(hall(request));
  });
  app.delete<{ Params: Static<typeof CodeParams> }>('/api/consultations/tables/:code', { schema: { params: CodeParams } }, async (request, reply) => {
    removeTable(app.db, request.congress.id, request.params.code, accountId(request));
    changed(request);
    return reply.code(204).send();
  });

  app.put<{ Params: Static<typeof CodeParams>; Body: HomeTableBody }>(
    '/api/consultations/participants/:code/home-table',
    { schema: { params: CodeParams, body: HomeTableBody, response: { 200: ConsultationHall } } },
    async (request) => {
      setHomeTable(app.db, request.congress.id, request.params.code, request.body.table, accountId(request));
      changed(request);
      return hall(request);
    },
  );

  app.post<{ Body: InterpreterBody }>('/api/consultations/interpreters', { schema: { body: InterpreterBody, response: { 201: ConsultationHall } } }, async (request, reply) => {
    createInterpreter(app.db, request.congress.id, request.body, accountId(request));
    changed(request);
    return reply.code(201).send(hall(request));
  });
  app.patch<{ Params: Static<typeof CodeParams>; Body: InterpreterPatch }>(
    '/api/consultations/interpreters/:code',
    { schema: { params: CodeParams, body: InterpreterPatch, response: { 200: ConsultationHall } } },
    async (request) => {
      updateInterpreter(app.db, request.congress.id, request.params.code, request.body, accountId(request));
      changed(request);
      return hall(request);
    },
  );
  app.delete<{ Params: Static<typeof CodeParams> }>('/api/consultations/interpreters/:code', { schema: { params: CodeParams } }, async (request, reply) => {
    deleteInterpreter(app.db, request.congress.id, request.params.code, accountId(request));
    changed(request);
    return reply.code(204).send();
  });
}
