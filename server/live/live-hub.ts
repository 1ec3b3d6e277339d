import type { Principal } from '../auth/principal.ts';

/** Whether a principal may follow a topic; `argument` is what follows the family in `family:argument`. */
export type TopicGuard = (principal: Principal, argument: string | undefined) => boolean;
export type LiveListener = (message: string) => void;

/**
 * In-process publish/subscribe for the live channel. Areas declare their topic families with a guard
 * and publish events; the WebSocket route connects browsers to it.
 */
export class LiveHub {
  private readonly guards = new Map<string, TopicGuard>();
  private readonly listeners = new Map<string, Set<LiveListener>>();

  defineTopic(family: string, guard: TopicGuard): void {
    if (this.guards.has(family)) throw new Error(`live topic family "${family}" is defined twice`);
    this.guards.set(family, guard);
  }

  canSubscribe(principal: Principal, topic: string): boolean {
    const separator = topic.indexOf(':');
    const family = separator < 0 ? topic : topic.slice(0, separator);
    const guard = this.guards.get(family);
    return guard ? guard(principal, separator < 0 ? undefined : topic.slice(separator + 1)) : false;
  }

  /** Returns the function that ends the subscription. */
  subscribe(topic: string, listener: LiveListener): () => void {
    let set = this.listeners.get(topic);
    if (!set) this.listeners.set(topic, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(topic);
    };
  }

  publish(topic: string, event: Record<string, unknown>): void {
    const set = this.listeners.get(topic);
    if (!set) return;
    const message = JSON.stringify({ type: 'event', topic, event });
    for (const listener of set) listener(message);
  }

  subscriberCount(topic: string): number {
    return this.listeners.get(topic)?.size ?? 0;
  }
}
