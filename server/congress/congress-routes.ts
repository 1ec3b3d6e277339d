import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { congresses, congressDays, congressMemberships, delegateCategories } from '../../db/schema/index.ts';
import { CongressCreateBody, CongressCreated, CongressInfo, CongressPatch, CongressSummary, DayBody, EditionMoveBody } from '../../shared/congress-schema.ts';
import type { AccountPrincipal } from '../auth/authentication.ts';
import { createCongress, updateCongress } from './congress-service.ts';
import { moveEdition, updateDay } from './edition-dates.ts';
import { auditPage } from './audit-log-service.ts';
import { AuditPage, AuditQuery } from '../../shared/audit-schema.ts';

/** The edition a request is about (public), the organisers' changes to it, and the installation's list of editions. */
export async function congressRoutes(app: FastifyInstance) {
  const describeCongress = (congressId: number): CongressInfo => {
    const congress = app.db.select().from(congresses).where(eq(congresses.id, congressId)).get()!;
    const days = app.db.select().from(congressDays).where(eq(congressDays.congressId, congressId)).orderBy(asc(congressDays.date)).all();
    const categories = app.db
      .select({ code: delegateCategories.code, name: delegateCategories.name, requiresApproval: delegateCategories.requiresApproval })
      .from(delegateCategories)
      .where(eq(delegateCategories.congressId, congressId))
      .orderBy(asc(delegateCategories.sortOrder))
      .all();
    return {
      slug: congress.slug,
      name: congress.name,
      theme: congress.theme,
      languages: congress.languages,
      startsOn: congress.startsOn,
      endsOn: congress.endsOn,
      venue: congress.venue,
      city: congress.city,
      timeZone: congress.timeZone,
      registrationOpen: congress.registrationOpen && !congress.archivedAt,
      archived: congress.archivedAt !== null,
      personalDataUntil: congress.personalDataUntil,
      days: days.map(({ date, focus, title }) => ({ date, focus, title })),
      categories,
    };
  };
  const accountId = (principal: unknown) => (principal as AccountPrincipal).accountId;

  app.get('/api/congress', { schema: { response: { 200: CongressInfo } } }, async (request) => describeCongress(request.congress.id));

  app.patch<{ Body: CongressPatch }>(
    '/api/congress',
    { onRequest: app.requireAccount('organiser'), schema: { body: CongressPatch, response: { 200: CongressInfo } } },
    async (request) => {
      updateCongress(app.db, request.congress.id, request.body, accountId(request.principal));
      return describeCongress(request.congress.id);
    },
  );

  app.put<{ Params: { date: string }; Body: DayBody }>(
    '/api/congress/days/:date',
    { onRequest: app.requireAccount('organiser'), schema: { params: Type.Object({ date: Type.String({ format: 'date' }) }), body: DayBody, response: { 200: CongressInfo } } },
    async (request) => {
      updateDay(app.db, request.congress.id, request.params.date, request.body, accountId(request.principal));
      return describeCongress(request.congress.id);
    },
  );

  app.post<{ Body: EditionMoveBody }>(
    '/api/congress/move',
    { onRequest: app.requireAccount('organiser'), schema: { body: EditionMoveBody, response: { 200: CongressInfo } } },
    async (request) => {
      if (moveEdition(app.db, request.congress.id, request.body.startsOn, accountId(request.principal)) !== 0) {
        // Tours, the consultation day and agendas all moved: every screen that shows them reads them again.
        app.announceTourChanges(request.congress.id, []);
        app.announceConsultationChanges(request.congress.id, []);
      }
      return describeCongress(request.congress.id);
    },
  );

  app.get<{ Querystring: AuditQuery }>('/api/audit', { onRequest: app.requireAccount('organiser'), schema: { querystring: AuditQuery, response: { 200: AuditPage } } }, async (request) =>
    auditPage(app.db, request.congress.id, request.query),
  );

  // The editions the account is a member of, from any edition's address: an account sees nothing of the others.
  app.get('/api/congresses', { onRequest: [app.requireSignedIn, app.refuseApiTokens], schema: { response: { 200: Type.Array(CongressSummary) } } }, async (request) =>
    app.db
      .select({ congress: congresses, role: congressMemberships.role })
      .from(congressMemberships)
      .innerJoin(congresses, eq(congresses.id, congressMemberships.congressId))
      .where(and(eq(congressMemberships.accountId, accountId(request.principal)), isNull(congressMemberships.disabledAt)))
      .orderBy(desc(congresses.startsOn))
      .all()
      .map(({ congress, role }) => ({
        role,
        slug: congress.slug,
        name: congress.name,
        startsOn: congress.startsOn,
        endsOn: congress.endsOn,
        city: congress.city,
        timeZone: congress.timeZone,
        archived: congress.archivedAt !== null,
        isDefault: congress.slug === app.defaultCongressSlug,
      })),
  );

  app.post<{ Body: CongressCreateBody }>(
    '/api/congresses',
    { onRequest: [app.requireAccount('organiser'), app.refuseApiTokens], schema: { body: CongressCreateBody, response: { 201: CongressCreated } } },
    async (request, reply) => reply.code(201).send(createCongress(app.db, request.body, accountId(request.principal))),
  );
}
