import type { FastifyInstance } from 'fastify';
import { asc, eq } from 'drizzle-orm';
import { congresses, congressDays, delegateCategories } from '../../db/schema/index.ts';
import { CongressInfo, RegistrationSwitch } from '../../shared/congress-schema.ts';
import type { AccountPrincipal } from '../auth/authentication.ts';
import { setRegistrationOpen } from './congress-service.ts';

/** What the public registration page needs to know about the congress, and the organisers' switch for registration. */
export async function congressRoutes(app: FastifyInstance) {
  const describeCongress = (): CongressInfo => {
    const congress = app.db.select().from(congresses).where(eq(congresses.id, app.congressId)).get()!;
    const days = app.db.select().from(congressDays).where(eq(congressDays.congressId, app.congressId)).orderBy(asc(congressDays.date)).all();
    const categories = app.db
      .select({ code: delegateCategories.code, requiresApproval: delegateCategories.requiresApproval })
      .from(delegateCategories)
      .where(eq(delegateCategories.congressId, app.congressId))
      .orderBy(asc(delegateCategories.sortOrder))
      .all();
    return {
      name: { ko: congress.nameKo, en: congress.nameEn },
      theme: { ko: congress.themeKo, en: congress.themeEn },
      startsOn: congress.startsOn,
      endsOn: congress.endsOn,
      venue: congress.venue,
      city: congress.city,
      timeZone: congress.timeZone,
      registrationOpen: congress.registrationOpen,
      days: days.map(({ date, focus }) => ({ date, focus })),
      categories,
    };
  };

  app.get('/api/congress', { schema: { response: { 200: CongressInfo } } }, async () => describeCongress());

  app.patch<{ Body: RegistrationSwitch }>(
    '/api/congress',
    { onRequest: app.requireAccount('organiser'), schema: { body: RegistrationSwitch, response: { 200: CongressInfo } } },
    async (request) => {
      setRegistrationOpen(app.db, app.congressId, request.body.registrationOpen, (request.principal as AccountPrincipal).accountId);
      return describeCongress();
    },
  );
}
