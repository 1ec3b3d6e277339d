import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import { sql } from 'drizzle-orm';
import { requestCounts } from '../../db/schema/index.ts';
import type { AppDatabase } from '../database/connection.ts';

/** Windows older than this are deleted now and then; no limit here counts over a longer span. */
const forgottenAfterMs = 24 * 60 * 60 * 1000;
const sweepEvery = 1000;

/**
 * Counts a key's requests in fixed windows, in the database: every process on it shares the counts, so a limit
 * holds however many servers answer, and survives a restart. One upsert per counted request, no read before it.
 */
export function prepareRequestCounter(db: AppDatabase) {
  const hit = db
    .insert(requestCounts)
    .values({ key: sql.placeholder('key'), windowStart: sql.placeholder('windowStart'), hits: 1 })
    .onConflictDoUpdate({
      target: requestCounts.key,
      set: {
        hits: sql`case when ${requestCounts.windowStart} = excluded.window_start then ${requestCounts.hits} + 1 else 1 end`,
        windowStart: sql`excluded.window_start`,
      },
    })
    .returning({ hits: requestCounts.hits })
    .prepare();
  const current = db
    .select({ hits: requestCounts.hits })
    .from(requestCounts)
    .where(sql`${requestCounts.key} = ${sql.placeholder('key')} and ${requestCounts.windowStart} = ${sql.placeholder('windowStart')}`)
    .prepare();
  const sweep = db.delete(requestCounts).where(sql`${requestCounts.windowStart} < ${sql.placeholder('before')}`).prepare();
  let calls = 0;
  const windowOf = (now: number, windowMs: number) => now - (now % windowMs);
  return {
    /** How many requests `key` has in the current window, without counting one. */
    peek(key: string, windowMs: number, now = Date.now()): number {
      return current.get({ key, windowStart: windowOf(now, windowMs) })?.hits ?? 0;
    },
    /** Counts one request for `key` and returns how many the window holds with it, and the milliseconds left in it. */
    count(key: string, windowMs: number, now = Date.now()): { current: number; ttl: number } {
      const windowStart = windowOf(now, windowMs);
      if (++calls % sweepEvery === 0) sweep.run({ before: now - forgottenAfterMs });
      const { hits } = hit.get({ key, windowStart })!;
      return { current: hits, ttl: windowStart + windowMs - now };
    },
  };
}

export type RequestCounter = ReturnType<typeof prepareRequestCounter>;

/** @fastify/rate-limit's store interface over the shared counter; each route counts under its own name. */
export function requestCountStore(counter: RequestCounter) {
  class RouteStore implements FastifyRateLimitStore {
    constructor(private readonly prefix: string) {}
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number) {
      try {
        callback(null, counter.count(`${this.prefix}${key}`, timeWindow));
      } catch (error) {
        callback(error as Error);
      }
    }
    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]) {
      // What the plugin passes is the route's merged limit settings, the route itself under `routeInfo`.
      const { routeInfo, groupId } = routeOptions as unknown as { routeInfo?: { method?: unknown; url?: string }; groupId?: string };
      const route = groupId ?? `${String(routeInfo?.method ?? '')} ${routeInfo?.url ?? ''}`;
      return new RouteStore(`${route}|`);
    }
  }
  return class extends RouteStore {
    constructor() {
      super('');
    }
  };
}
