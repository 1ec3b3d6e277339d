import type { CongressRole } from '../../db/schema/congress-memberships.ts';
import { holdsRole, type Principal } from '../auth/principal.ts';

/** Whether a principal may follow a topic; `argument` is what follows the family in `family:argument`. */
export type TopicGuard = (principal: Principal, argument: string | undefined) => boolean;

/** A guard admitting the accounts that hold one of the roles in the congress (owners always). */
export const accountsHolding =
  (...roles: CongressRole[]): TopicGuard =>
  (principal) =>
    principal.kind === 'account' && holdsRole(principal.role, roles);
export type LiveListener = (message: string) => void;

const scoped = (congressId: number, topic: string) => `${congressId} ${topic}`;

/**
 * In-process publish/subscribe for the live channel. Areas declare their topic families with a guard
 * and publish events; the WebSocket route connects browsers to it. Topics live inside one congress:
 * an event of one edition never reaches a socket opened on another.
 */
export class LiveHub {
  private readonly guards = new Map<string, TopicGuard>();
  private readonly listeners = new Map<string, Set<LiveListener>>();

  defineTopic(family: string, guard: TopicGuard): void {
    if (this.guards.has(family)) throw new Error(`live topic family "${family}" is defined twice`);
    this.guards.set(family, guard);
  }

  canSubscribe(principal: Principal, congressId: number, topic: string): boolean {
    if (principal.kind === 'delegate' && principal.congressId !== congressId) return false;
    const separator = topic.indexOf(':');
    const family = separator < 0 ? topic : topic.slice(0, separator);
    const guard = this.guards.get(family);
    return guard ? guard(principal, separator < 0 ? undefined : topic.slice(separator + 1)) : false;
  }

  /** Returns the function that ends the subscription. */
  subscribe(congressId: number, topic: string, listener: LiveListener): () => void {
    const key = scoped(congressId, topic);
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(key);
    };
  }

  publish(congressId: number, topic: string, event: Record<string, unknown>): void {
    const set = this.listeners.get(scoped(congressId, topic));
    if (!set) return;
    const message = JSON.stringify({ type: 'event', topic, event });
    for (const listener of set) listener(message);
  }

  subscriberCount(congressId: number, topic: string): number {
    return this.listeners.get(scoped(congressId, topic))?.size ?? 0;
  }
}
