import { describe, expect, it } from 'vitest';
import { LiveHub } from './live-hub.ts';

const organiser = { kind: 'account', accountId: 1, role: 'organiser' } as const;
const delegate = { kind: 'delegate', delegateId: 7, congressId: 1 } as const;

describe('LiveHub', () => {
  it('delivers events only to the topic subscribed, until unsubscribed', () => {
    const hub = new LiveHub();
    const received: string[] = [];
    const stop = hub.subscribe(1, 'delegates', (message) => received.push(message));
    hub.subscribe(1, 'other', () => received.push('wrong'));
    hub.publish(1, 'delegates', { n: 1 });
    stop();
    hub.publish(1, 'delegates', { n: 2 });
    expect(received.map((m) => JSON.parse(m))).toEqual([{ type: 'event', topic: 'delegates', event: { n: 1 } }]);
    expect(hub.subscriberCount(1, 'delegates')).toBe(0);
  });

  it('keeps the same topic of two congresses apart', () => {
    const hub = new LiveHub();
    const first: string[] = [];
    const second: string[] = [];
    hub.subscribe(1, 'delegates', (message) => first.push(message));
    hub.subscribe(2, 'delegates', (message) => second.push(message));
    hub.publish(2, 'delegates', { n: 1 });
    expect([first.length, second.length]).toEqual([0, 1]);
  });

  it('asks the family guard, with the argument after the colon', () => {
    const hub = new LiveHub();
    hub.defineTopic('delegates', (p) => p.kind === 'account');
    hub.defineTopic('delegate', (p, argument) => p.kind === 'delegate' && String(p.delegateId) === argument);
    expect(hub.canSubscribe(organiser, 1, 'delegates')).toBe(true);
    expect(hub.canSubscribe(delegate, 1, 'delegates')).toBe(false);
    expect(hub.canSubscribe(delegate, 1, 'delegate:7')).toBe(true);
    expect(hub.canSubscribe(delegate, 1, 'delegate:8')).toBe(false);
    expect(hub.canSubscribe(organiser, 1, 'unknown')).toBe(false);
    expect(() => hub.defineTopic('delegates', () => true)).toThrow();
  });

  it('refuses a delegate the topics of another congress, even their own id', () => {
    const hub = new LiveHub();
    hub.defineTopic('delegate', (p, argument) => p.kind === 'delegate' && String(p.delegateId) === argument);
    expect(hub.canSubscribe(delegate, 2, 'delegate:7')).toBe(false);
  });
});
