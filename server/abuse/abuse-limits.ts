import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { prepareRequestCounter, requestCountStore, type RequestCounter } from './request-count-store.ts';

/** How much one client address may do; `0` turns a limit off (the benchmarks do). */
export interface AbuseLimits {
  /** Registrations a minute: high, so a university or embassy behind one address still registers its delegates. */
  registrationsPerMinute: number;
  /** Registrations from one address within `challengeWindowMinutes` after which the form asks for a proof of work. */
  challengeAfterRegistrations: number;
  challengeWindowMinutes: number;
  /** "Send my link again" requests a minute. */
  linkRequestsPerMinute: number;
  /** Every other write a minute that is not an organiser's: delegates' own changes, bookings, requests. */
  publicWritesPerMinute: number;
  /** Open live connections at once. */
  socketsPerAddress: number;
}

export const defaultAbuseLimits: AbuseLimits = {
  registrationsPerMinute: 120,
  challengeAfterRegistrations: 10,
  challengeWindowMinutes: 10,
  linkRequestsPerMinute: 10,
  publicWritesPerMinute: 300,
  socketsPerAddress: 50,
};

/** Every limit off: benchmarks, and tests about something else, send from one address far more than a person would. */
export const noAbuseLimits: AbuseLimits = Object.fromEntries(Object.keys(defaultAbuseLimits).map((key) => [key, 0])) as unknown as AbuseLimits;

declare module 'fastify' {
  interface FastifyInstance {
    abuseLimits: AbuseLimits;
    /** Counts shared by every process on the database, for limits a route's own setting cannot say (per account). */
    requestCounts: RequestCounter;
  }
}

/** A route's `config.rateLimit` for `max` requests a minute per client address; `0` is no limit. */
export const perAddressPerMinute = (max: number) => (max > 0 ? { max, timeWindow: 60_000 } : false);

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const isWrite = (method: string | string[]) => (Array.isArray(method) ? method : [method]).some((one) => writeMethods.has(one));
/** Organisers' own work is not counted against the address they share with a whole office. */
const byOrganiser = (request: FastifyRequest) => request.principal?.kind === 'account';

/**
 * Per-address limits counted in the database, so they hold across every process on it. A route names its own limit
 * in `config.rateLimit`; any other public write falls under `publicWritesPerMinute`.
 */
export default fp<{ limits: AbuseLimits }>(
  async (app, { limits }) => {
    app.decorate('abuseLimits', limits);
    const counter = prepareRequestCounter(app.db);
    app.decorate('requestCounts', counter);
    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/api/') || !isWrite(route.method)) return;
      const config = (route.config ?? {}) as { rateLimit?: unknown };
      if (config.rateLimit !== undefined) return;
      const limit = perAddressPerMinute(limits.publicWritesPerMinute);
      route.config = { ...config, rateLimit: limit && { ...limit, allowList: byOrganiser } } as typeof route.config;
    });
    await app.register(rateLimit, { global: false, store: requestCountStore(counter) });
  },
  { name: 'abuse-limits', dependencies: ['database'] },
);
