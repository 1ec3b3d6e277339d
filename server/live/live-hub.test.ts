import { describe, expect, it } from 'vitest';
import { LiveHub } from './live-hub.ts';

const organiser = { kind: 'account', accountId: 1, role: 'organiser' } as const;
const delegate = { kind: 'delegate', delegateId: 7, congressId: 1 } as const;

describe('LiveHub', () => {
  it('delivers events only to the topic subscribed, until unsubscribed', () => {
    const hub = new LiveHub();
    const received: string[] = [];
    const stop = hub.subscribe('delegates', (message) => received.push(message));
    hub.subscribe('other', () => received.push('wrong'));
    hub.publish('delegates', { n: 1 });
    stop();
    hub.publish('delegates', { n: 2 });
    expect(received.map((m) => JSON.parse(m))).toEqual([{ type: 'event', topic: 'delegates', event: { n: 1 } }]);
    expect(hub.subscriberCount('delegates')).toBe(0);
  });

  it('asks the family guard, with the argument after the colon', () => {
    const hub = new LiveHub();
    hub.defineTopic('delegates', (p) => p.kind === 'account');
    hub.defineTopic('delegate', (p, argument) => p.kind === 'delegate' && String(p.delegateId) === argument);
    expect(hub.canSubscribe(organiser, 'delegates')).toBe(true);
    expect(hub.canSubscribe(delegate, 'delegates')).toBe(false);
    expect(hub.canSubscribe(delegate, 'delegate:7')).toBe(true);
    expect(hub.canSubscribe(delegate, 'delegate:8')).toBe(false);
    expect(hub.canSubscribe(organiser, 'unknown')).toBe(false);
    expect(() => hub.defineTopic('delegates', () => true)).toThrow();
  });
});
