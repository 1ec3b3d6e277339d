import type { FastifyInstance } from 'fastify';
import { and, count, desc, eq } from 'drizzle-orm';
import { outboxMessages } from '../../db/schema/index.ts';
import { OutboxPage, OutboxQuery } from '../../shared/outbox-schema.ts';

/** Organisers see what the edition sent, what waits and what failed, with the server's answer. */
export async function outboxRoutes(app: FastifyInstance) {
  app.addHook('onRequest', app.requireAccount('organiser'));
  app.get<{ Querystring: OutboxQuery }>('/api/outbox', { schema: { querystring: OutboxQuery, response: { 200: OutboxPage } } }, async (request) => {
    const ofCongress = eq(outboxMessages.congressId, request.congress.id);
    const where = request.query.status ? and(ofCongress, eq(outboxMessages.status, request.query.status)) : ofCongress;
    const byStatus = new Map(app.db.select({ status: outboxMessages.status, n: count() }).from(outboxMessages).where(ofCongress).groupBy(outboxMessages.status).all().map((row) => [row.status, row.n]));
    const rows = app.db
      .select()
      .from(outboxMessages)
      .where(where)
      .orderBy(desc(outboxMessages.id))
      .limit(request.query.limit ?? 100)
      .offset(request.query.offset ?? 0)
      .all();
    return {
      sending: app.mailSending,
      total: app.db.select({ n: count() }).from(outboxMessages).where(where).get()!.n,
      counts: { queued: byStatus.get('queued') ?? 0, sending: byStatus.get('sending') ?? 0, sent: byStatus.get('sent') ?? 0, failed: byStatus.get('failed') ?? 0 },
      items: rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        to: row.toAddress,
        subject: row.subject,
        language: row.language,
        status: row.status,
        attempts: row.attempts,
        lastError: row.lastError,
        createdAt: row.createdAt,
        sentAt: row.sentAt,
      })),
    };
  });
}
