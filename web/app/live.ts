import { useEffect, useRef, useState } from 'preact/hooks';
import { apiPath } from './congress-address.ts';
import { liveCloseCodes } from '../../shared/live-close-codes.ts';
import { isCsrfToken } from './session.ts';

export interface LiveEvent {
  topic: string;
  event: Record<string, unknown>;
}

/**
 * Follows topics on the server's live channel, reconnecting after a drop; `onEvent` also runs after each
 * reconnection (with no event) so the screen can catch up on what it missed. Returns whether it is connected.
 */
export function useLive(token: string | null, topics: string[], onEvent: (event: LiveEvent | null) => void): boolean {
  const [connected, setConnected] = useState(false);
  // The latest handler, so events reach the screen's current state (filters, page) rather than the first render's.
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const topicKey = topics.join(',');
  useEffect(() => {
    if (!token || topics.length === 0) return;
    let socket: WebSocket | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let attempts = 0;
    const connect = () => {
      socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${apiPath('/api/live')}`);
      socket.onopen = () => {
        // An organiser's session came with the upgrade, in its cookie; a delegate's key is sent as the first message.
        if (!isCsrfToken(token)) socket!.send(JSON.stringify({ type: 'auth', token }));
        socket!.send(JSON.stringify({ type: 'subscribe', topics }));
      };
      socket.onmessage = (message) => {
        const data = JSON.parse(String(message.data)) as { type: string } & LiveEvent;
        if (data.type === 'subscribed') {
          if (attempts > 0) handler.current(null);
          attempts = 0;
          setConnected(true);
        } else if (data.type === 'event') handler.current(data);
      };
      socket.onclose = (event) => {
        setConnected(false);
        // An ended session stays ended: the page learns it from its next request, with no reconnection loop meanwhile.
        if (stopped || event.code === liveCloseCodes.sessionEnded) return;
        attempts++;
        retry = setTimeout(connect, Math.min(10_000, 500 * 2 ** attempts));
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      socket?.close();
    };
    // Topics are compared by value (topicKey): a new array with the same topics must not reconnect.
  }, [token, topicKey]);
  return connected;
}
