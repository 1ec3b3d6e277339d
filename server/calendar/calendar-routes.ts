import type { FastifyInstance, FastifyReply } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { Type, type Static } from 'typebox';
import { delegates } from '../../db/schema/index.ts';
import { calendarFeedKey, sameHash } from '../auth/tokens.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { askedLanguage, LangQuery } from '../http/error-handler.ts';
import { personalFeed, programmeFeed } from './calendar-feeds.ts';

const FeedParams = Type.Object({ delegate: Type.Integer({ minimum: 1 }), key: Type.String({ minLength: 1, maxLength: 100 }) });
const RoomParams = Type.Object({ room: Type.String({ minLength: 1, maxLength: 60 }) });

const sendIcs = (reply: FastifyReply, text: string) => reply.header('content-type', 'text/calendar; charset=utf-8').send(text);

/**
 * Calendar feeds. Calendar apps send no sign-in: a delegate's own feed has a read-only key in its address
 * (tokens.calendarFeedKey), and a wrong key is "not found", like a page that does not exist. The programme's and the
 * rooms' feeds are public, in `?lang=` or the app's language; a delegate's in the language they registered in.
 */
export async function calendarRoutes(app: FastifyInstance) {
  app.get<{ Params: Static<typeof FeedParams> }>('/api/calendar/:delegate/:key.ics', { schema: { params: FeedParams } }, async (request, reply) => {
    const delegate = app.db
      .select({ tokenHash: delegates.tokenHash, uiLanguage: delegates.uiLanguage })
      .from(delegates)
      .where(and(eq(delegates.id, request.params.delegate), eq(delegates.congressId, request.congress.id)))
      .get();
    if (!delegate || !sameHash(calendarFeedKey(delegate.tokenHash), request.params.key)) throw new ApiFailure(404, 'key', 'notFound');
    const language = askedLanguage(request, delegate.uiLanguage);
    return sendIcs(reply, personalFeed(app.db, request.congress, request.params.delegate, language, app.publicHost));
  });
  app.get<{ Querystring: LangQuery }>('/api/calendar/programme.ics', { schema: { querystring: LangQuery } }, async (request, reply) =>
    sendIcs(reply, programmeFeed(app.db, request.congress, askedLanguage(request, request.query.lang), app.publicHost)!),
  );
  app.get<{ Params: Static<typeof RoomParams>; Querystring: LangQuery }>(
    '/api/calendar/rooms/:room.ics',
    { schema: { params: RoomParams, querystring: LangQuery } },
    async (request, reply) => {
      const feed = programmeFeed(app.db, request.congress, askedLanguage(request, request.query.lang), app.publicHost, request.params.room);
      if (feed === null) throw new ApiFailure(404, 'room', 'notFound');
      return sendIcs(reply, feed);
    },
  );
}
