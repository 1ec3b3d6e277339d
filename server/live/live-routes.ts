import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { Type, type Static } from 'typebox';
import { Compile } from 'typebox/compile';
import { pickUiLanguage } from '../../shared/languages.ts';
import { bearerToken, type Principal } from '../auth/principal.ts';
import { explain } from '../http/error-handler.ts';

const ClientMessage = Type.Union([
  Type.Object({ type: Type.Literal('auth'), token: Type.String({ maxLength: 200 }) }),
  Type.Object({ type: Type.Literal('subscribe'), topics: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 }) }),
  Type.Object({ type: Type.Literal('unsubscribe'), topics: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 }) }),
]);
type ClientMessage = Static<typeof ClientMessage>;
const checkClientMessage = Compile(ClientMessage);

/**
 * `GET /api/live`: a WebSocket on which an authenticated client follows topics.
 * Browsers cannot set headers on a WebSocket, so the token may come as the first message instead.
 */
export async function liveRoutes(app: FastifyInstance) {
  app.get('/api/live', { websocket: true }, (socket: WebSocket, request) => {
    const language = pickUiLanguage(request.headers['accept-language']);
    let principal: Principal | null = app.resolvePrincipal(bearerToken(request.headers.authorization), request.congress.id);
    const subscriptions = new Map<string, () => void>();
    const send = (message: Record<string, unknown>) => socket.send(JSON.stringify(message));
    const refuse = (field: string, messageKey: string) => send({ type: 'error', ...explain({ field, messageKey, params: {} }, language) });

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
        principal = app.resolvePrincipal(message.token, request.congress.id);
        return principal ? send({ type: 'authenticated', as: principal.kind }) : refuse('token', 'notAuthenticated');
      }
      if (!principal) return refuse('token', 'notAuthenticated');
      if (message.type === 'unsubscribe') {
        for (const topic of message.topics) {
          subscriptions.get(topic)?.();
          subscriptions.delete(topic);
        }
        return send({ type: 'unsubscribed', topics: message.topics });
      }
      const refused = message.topics.filter((topic) => !app.live.canSubscribe(principal!, request.congress.id, topic));
      if (refused.length > 0) return refuse('topics', 'forbidden');
      for (const topic of message.topics) {
        if (!subscriptions.has(topic)) subscriptions.set(topic, app.live.subscribe(request.congress.id, topic, (text) => socket.send(text)));
      }
      send({ type: 'subscribed', topics: message.topics });
    });
    socket.on('close', () => {
      for (const stop of subscriptions.values()) stop();
      subscriptions.clear();
    });
  });
}
