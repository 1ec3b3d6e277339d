import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { eq, sql } from 'drizzle-orm';
import { Type, type Static } from 'typebox';
import { Compile } from 'typebox/compile';
import { delegates } from '../../db/schema/index.ts';
import { pickUiLanguage } from '../../shared/languages.ts';
import { liveCloseCodes } from '../../shared/live-close-codes.ts';
import type { Principal } from '../auth/principal.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { explain } from '../http/error-handler.ts';

const ClientMessage = Type.Union([
  Type.Object({ type: Type.Literal('auth'), token: Type.String({ maxLength: 200 }) }),
  Type.Object({ type: Type.Literal('subscribe'), topics: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 }) }),
  Type.Object({ type: Type.Literal('unsubscribe'), topics: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 }) }),
]);
type ClientMessage = Static<typeof ClientMessage>;
const checkClientMessage = Compile(ClientMessage);

/** How long a live connection may wait and how often it is looked at again; tests shorten them. */
export interface LiveTimings {
  /** A socket that has not authenticated by then is closed. */
  authTimeoutMs: number;
  /** How often an open socket's session is checked again, so that one ended elsewhere closes it within this. */
  recheckMs: number;
}
export const defaultLiveTimings: LiveTimings = { authTimeoutMs: 10_000, recheckMs: 2_000 };

/**
 * `GET /api/live`: a WebSocket on which an authenticated client follows topics.
 * Browsers cannot set headers on a WebSocket, so the token may come as the first message instead. The session is
 * checked again before every delivery and every few seconds: once it has ended (signed out, password changed, account
 * disabled, delegate erased or cancelled, a role no longer allowed a topic) nothing more is sent and the socket closes.
 */
export async function liveRoutes(app: FastifyInstance, { timings = defaultLiveTimings }: { timings?: LiveTimings }) {
  const openPerAddress = new Map<string, number>();
  const delegateStatus = app.db.select({ status: delegates.status }).from(delegates).where(eq(delegates.id, sql.placeholder('id'))).prepare();

  /** Refuses the upgrade itself (a plain 429) once the address has as many sockets open as it may. */
  const limitSockets = async (request: FastifyRequest) => {
    const most = app.abuseLimits.socketsPerAddress;
    if (most > 0 && (openPerAddress.get(request.ip) ?? 0) >= most) throw new ApiFailure(429, 'request', 'tooManyConnections');
  };

  app.get('/api/live', { websocket: true, onRequest: limitSockets }, (socket: WebSocket, request) => {
    const language = pickUiLanguage(request.headers['accept-language']);
    const congressId = request.congress.id;
    const address = request.ip;
    openPerAddress.set(address, (openPerAddress.get(address) ?? 0) + 1);
    // From the Authorization header, or the session cookie a browser sends with the upgrade (same site only).
    let token = request.sessionToken ?? undefined;
    let principal: Principal | null = app.resolvePrincipal(token, congressId);
    const subscriptions = new Map<string, () => void>();
    const send = (message: Record<string, unknown>) => socket.send(JSON.stringify(message));
    const refuse = (field: string, messageKey: string) => send({ type: 'error', ...explain({ field, messageKey, params: {} }, language) });

    /** Whether the session the socket was opened with still holds, and still allows every topic followed. */
    const sessionHolds = () => {
      const now = app.resolvePrincipal(token, congressId);
      if (!now) return false;
      if (now.kind === 'delegate' && ['cancelled', 'declined'].includes(delegateStatus.get({ id: now.delegateId })?.status ?? 'cancelled')) return false;
      return [...subscriptions.keys()].every((topic) => app.live.canSubscribe(now, congressId, topic));
    };
    // One look per turn of the event loop: an event published to many topics at once asks once, and a sign-out,
    // which is a request of its own and so a later turn, is always seen before the next delivery.
    let verdict: boolean | null = null;
    const stillHolds = () => {
      if (verdict === null) {
        verdict = sessionHolds();
        setImmediate(() => (verdict = null));
      }
      return verdict;
    };

    const end = (code: number, reason: string) => {
      for (const stop of subscriptions.values()) stop();
      subscriptions.clear();
      if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) socket.close(code, reason);
    };
    const authTimer = principal ? undefined : setTimeout(() => !principal && end(liveCloseCodes.authTimeout, 'authentication timeout'), timings.authTimeoutMs);
    const recheck = setInterval(() => principal && !sessionHolds() && end(liveCloseCodes.sessionEnded, 'session ended'), timings.recheckMs);
    const deliver = (text: string) => (stillHolds() ? socket.send(text) : end(liveCloseCodes.sessionEnded, 'session ended'));

    socket.on('message', (raw) => {
      let message: ClientMessage;
      try {
        const parsed: unknown = JSON.parse(String(raw));
        if (!checkClientMessage.Check(parsed)) return refuse('message', 'invalid');
        message = parsed;
      } catch {
        return refuse('message', 'invalidJson');
      }
      if (message.type === 'auth') {
        const offered = app.resolvePrincipal(message.token, congressId);
        if (!offered) return refuse('token', 'notAuthenticated');
        // Another session on the same socket starts clean: nothing followed under the first one carries over.
        for (const stop of subscriptions.values()) stop();
        subscriptions.clear();
        principal = offered;
        token = message.token;
        clearTimeout(authTimer);
        return send({ type: 'authenticated', as: principal.kind });
      }
      if (!principal) return refuse('token', 'notAuthenticated');
      if (!stillHolds()) return end(liveCloseCodes.sessionEnded, 'session ended');
      if (message.type === 'unsubscribe') {
        for (const topic of message.topics) {
          subscriptions.get(topic)?.();
          subscriptions.delete(topic);
        }
        return send({ type: 'unsubscribed', topics: message.topics });
      }
      const refused = message.topics.filter((topic) => !app.live.canSubscribe(principal!, congressId, topic));
      if (refused.length > 0) return refuse('topics', 'forbidden');
      for (const topic of message.topics) {
        if (!subscriptions.has(topic)) subscriptions.set(topic, app.live.subscribe(congressId, topic, deliver));
      }
      send({ type: 'subscribed', topics: message.topics });
    });
    socket.on('close', () => {
      clearTimeout(authTimer);
      clearInterval(recheck);
      for (const stop of subscriptions.values()) stop();
      subscriptions.clear();
      const open = (openPerAddress.get(address) ?? 1) - 1;
      if (open > 0) openPerAddress.set(address, open);
      else openPerAddress.delete(address);
    });
  });
}
