import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { CsvQuery, DelegateCounts, DelegateListQuery, DelegatePage } from '../../shared/delegate-directory-schema.ts';
import { CategoryAnswer, CategoryBody, CategoryPatch } from '../../shared/category-schema.ts';
import { categoryLabels, createCategory, deleteCategory } from './category-service.ts';
import type { AccountPrincipal } from '../auth/authentication.ts';
import { askedLanguage } from '../http/error-handler.ts';
import { delegatesCsv } from './delegate-csv.ts';
import { BurstCancelBody, BurstCancelled, BurstList, BurstListQuery } from '../../shared/burst-schema.ts';
import { cancelBurst, findBursts } from './registration-bursts.ts';
import { delegateCounts, findDelegates } from './delegate-directory.ts';
import { approveDelegate, declineDelegate, getRegistration, undoApproval, updateCategory } from './registration-service.ts';

const DelegateParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const CategoryParams = Type.Object({ code: Type.String({ maxLength: 40 }) });

/** The organiser's delegate desk: list, search, counts, approval, capacities and export. */
export async function delegatesRoutes(app: FastifyInstance) {
  app.addHook('onRequest', app.requireAccount('organiser'));
  const accountId = (principal: unknown) => (principal as AccountPrincipal).accountId;

  app.get<{ Querystring: DelegateListQuery }>('/api/delegates', { schema: { querystring: DelegateListQuery, response: { 200: DelegatePage } } }, async (request) => {
    const { limit = 50, offset = 0, ...filter } = request.query;
    return findDelegates(app.db, request.congress.id, filter, { limit, offset });
  });

  app.get('/api/delegates/counts', { schema: { response: { 200: DelegateCounts } } }, async (request) => delegateCounts(app.db, request.congress.id));

  app.get<{ Querystring: CsvQuery }>('/api/delegates.csv', { schema: { querystring: CsvQuery } }, async (request, reply) => {
    const { lang, ...filter } = request.query;
    const language = askedLanguage(request, lang);
    const { items } = findDelegates(app.db, request.congress.id, filter);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="delegates.csv"')
      .send(delegatesCsv(items, language, categoryLabels(app.db, request.congress.id, language), request.congress.timeZone));
  });

  app.get<{ Params: Static<typeof DelegateParams> }>('/api/delegates/:id', { schema: { params: DelegateParams } }, async (request) =>
    getRegistration(app.registrationsOf(request.congress.id), request.params.id),
  );

  app.post<{ Params: Static<typeof DelegateParams> }>('/api/delegates/:id/approve', { schema: { params: DelegateParams } }, async (request) => {
    app.announceRegistrationChanges(request.congress.id, approveDelegate(app.registrationsOf(request.congress.id), request.params.id, accountId(request.principal)));
    return getRegistration(app.registrationsOf(request.congress.id), request.params.id);
  });

  app.post<{ Params: Static<typeof DelegateParams> }>('/api/delegates/:id/approve/undo', { schema: { params: DelegateParams } }, async (request) => {
    app.announceRegistrationChanges(request.congress.id, undoApproval(app.registrationsOf(request.congress.id), request.params.id, accountId(request.principal)));
    return getRegistration(app.registrationsOf(request.congress.id), request.params.id);
  });

  app.post<{ Params: Static<typeof DelegateParams> }>('/api/delegates/:id/decline', { schema: { params: DelegateParams } }, async (request) => {
    app.announceRegistrationChanges(request.congress.id, declineDelegate(app.registrationsOf(request.congress.id), request.params.id, accountId(request.principal)));
    return getRegistration(app.registrationsOf(request.congress.id), request.params.id);
  });

  app.get<{ Querystring: BurstListQuery }>('/api/delegates/bursts', { schema: { querystring: BurstListQuery, response: { 200: BurstList } } }, async (request) => ({
    items: findBursts(app.db, request.congress.id, request.query.minimum ?? 10),
  }));

  app.post<{ Body: BurstCancelBody }>('/api/delegates/bursts/cancel', { schema: { body: BurstCancelBody, response: { 200: BurstCancelled } } }, async (request) => {
    const congressId = request.congress.id;
    const outcome = cancelBurst(app.registrationsOf(congressId), request.body, accountId(request.principal));
    app.announceRegistrationChanges(congressId, outcome.registrations);
    app.announceTourChanges(congressId, outcome.tourSeats);
    return { cancelled: outcome.cancelled };
  });

  const answer = (category: { code: string; name: CategoryAnswer['name']; capacity: number | null; requiresApproval: boolean }, promoted = 0): CategoryAnswer => ({
    code: category.code,
    name: category.name,
    capacity: category.capacity,
    requiresApproval: category.requiresApproval,
    promoted,
  });

  app.post<{ Body: CategoryBody }>('/api/categories', { schema: { body: CategoryBody, response: { 201: CategoryAnswer } } }, async (request, reply) =>
    reply.code(201).send(answer(createCategory(app.db, request.congress.id, request.body, accountId(request.principal)))),
  );

  app.patch<{ Params: Static<typeof CategoryParams>; Body: CategoryPatch }>(
    '/api/categories/:code',
    { schema: { params: CategoryParams, body: CategoryPatch, response: { 200: CategoryAnswer } } },
    async (request) => {
      const { category, changes } = updateCategory(app.registrationsOf(request.congress.id), request.params.code, request.body, accountId(request.principal));
      app.announceRegistrationChanges(request.congress.id, changes);
      return answer(category, changes.length);
    },
  );

  app.delete<{ Params: Static<typeof CategoryParams> }>('/api/categories/:code', { schema: { params: CategoryParams } }, async (request, reply) => {
    deleteCategory(app.db, request.congress.id, request.params.code, accountId(request.principal));
    return reply.code(204).send();
  });
}
