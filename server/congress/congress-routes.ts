import type { FastifyInstance } from 'fastify';
import { asc, eq } from 'drizzle-orm';
import { congresses, congressDays, delegateCategories } from '../../db/schema/index.ts';
import { CongressInfo } from '../../shared/congress-schema.ts';

/** What the public registration page needs to know about the congress. */
export async function congressRoutes(app: FastifyInstance) {
  app.get('/api/congress', { schema: { response: { 200: CongressInfo } } }, async (): Promise<CongressInfo> => {
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
  });
}
