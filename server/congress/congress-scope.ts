import fp from 'fastify-plugin';
import { eq, sql } from 'drizzle-orm';
import { congresses } from '../../db/schema/index.ts';
import type { UiLanguage } from '../../shared/languages.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { addressedSlug } from './congress-address.ts';

/** The edition a request is about: the one its address names, or the installation's default. */
export interface CongressScope {
  id: number;
  slug: string;
  timeZone: string;
  languages: UiLanguage[];
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The edition the unprefixed routes and pages serve (`DEFAULT_CONGRESS`). */
    defaultCongressSlug: string;
    findCongress: (slug: string) => CongressScope | undefined;
  }
  interface FastifyRequest {
    congress: CongressScope;
  }
}

/**
 * Puts the request's congress on `request.congress` before anything else reads it (sign-in checks included),
 * so every route and service works on one edition and nothing of another leaks in.
 */
export default fp<{ defaultCongress: string }>(
  async (app, { defaultCongress }) => {
    const bySlug = app.db
      .select({ id: congresses.id, slug: congresses.slug, timeZone: congresses.timeZone, languages: congresses.languages })
      .from(congresses)
      .where(eq(congresses.slug, sql.placeholder('slug')))
      .prepare();
    const findCongress = (slug: string) => bySlug.get({ slug });
    if (!findCongress(defaultCongress)) throw new Error(`DEFAULT_CONGRESS names no congress in this database: "${defaultCongress}"`);
    app.decorate('defaultCongressSlug', defaultCongress);
    app.decorate('findCongress', findCongress);
    app.decorateRequest('congress', null as unknown as CongressScope);
    app.addHook('onRequest', async (request) => {
      const slug = addressedSlug(request.raw) ?? defaultCongress;
      const congress = findCongress(slug);
      if (!congress) throw new ApiFailure(404, 'slug', 'congressNotFound', { slug });
      request.congress = congress;
    });
  },
  { name: 'congress-scope', dependencies: ['database'] },
);
