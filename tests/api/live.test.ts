import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectLive } from '../support/live-client.ts';
import { aDelegate, createEindhovenEdition, signInAccount, signInOrganiser, startTestApp } from '../support/test-app.ts';

type App = Awaited<ReturnType<typeof startTestApp>>['app'];
let app: App;
let baseUrl: string;
let organiserToken: string;
beforeEach(async () => {
  ({ app } = await startTestApp());
  organiserToken = (await signInOrganiser(app)).authorization.slice('Bearer '.length);
  baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(async () => app.close());

const register = async (overrides = {}) =>
  (await fetch(`${baseUrl}/api/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(aDelegate(overrides)) })).json() as Promise<{ id: number; token: string; status: string }>;

describe('GET /api/live', () => {
  it('tells a subscribed organiser of each registration and cancellation', async () => {
    const live = await connectLive(baseUrl);
    live.send({ type: 'auth', token: organiserToken });
    live.send({ type: 'subscribe', topics: ['delegates'] });
    await live.next((m) => m.type === 'subscribed');
    const delegate = await register();
    const registered = await live.next((m) => m.type === 'event');
    expect(registered).toEqual({ type: 'event', topic: 'delegates', event: { type: 'delegates.changed', changes: [{ delegateId: delegate.id, status: 'confirmed' }] } });
    await fetch(`${baseUrl}/api/me`, { method: 'DELETE', headers: { authorization: `Bearer ${delegate.token}` } });
    await live.next((m) => m.type === 'event' && JSON.stringify(m).includes('cancelled'));
    live.close();
  });

  it('accepts the token in the Authorization header of the upgrade request', async () => {
    const live = await connectLive(baseUrl, { authorization: `Bearer ${organiserToken}` });
    live.send({ type: 'subscribe', topics: ['delegates'] });
    await live.next((m) => m.type === 'subscribed');
    live.close();
  });

  it("tells a waitlisted delegate on their own topic when they are promoted, and refuses others' topics", async () => {
    app.db.$client.prepare("update delegate_categories set capacity = 1 where code = 'sme'").run();
    const holder = await register({ category: 'sme' });
    const waiting = await register({ category: 'sme' });
    const live = await connectLive(baseUrl, { 'accept-language': 'ko' });
    live.send({ type: 'auth', token: waiting.token });
    live.send({ type: 'subscribe', topics: ['delegates'] });
    expect(await live.next((m) => m.type === 'error')).toMatchObject({ field: 'topics', message: expect.stringContaining('권한') });
    live.send({ type: 'subscribe', topics: [`delegate:${holder.id}`] });
    await live.next((m) => m.type === 'error' && live.messages.filter((x) => x.type === 'error').length === 2);
    live.send({ type: 'subscribe', topics: [`delegate:${waiting.id}`] });
    await live.next((m) => m.type === 'subscribed');
    await fetch(`${baseUrl}/api/me`, { method: 'DELETE', headers: { authorization: `Bearer ${holder.token}` } });
    expect(await live.next((m) => m.type === 'event')).toEqual({
      type: 'event',
      topic: `delegate:${waiting.id}`,
      event: { type: 'registration.changed', status: 'confirmed' },
    });
    live.close();
  });

  it('follows a congress only for its members, each to the topics of their role', async () => {
    await createEindhovenEdition(app, { authorization: `Bearer ${organiserToken}` });
    const outsider = (await signInAccount(app, 'owner', 'tci-2016-eindhoven')).authorization.slice('Bearer '.length);
    const desk = (await signInAccount(app, 'desk')).authorization.slice('Bearer '.length);
    const answer = async (token: string, topic: string) => {
      const live = await connectLive(baseUrl);
      live.send({ type: 'auth', token });
      live.send({ type: 'subscribe', topics: [topic] });
      const reply = await live.next((m) => m.type === 'subscribed' || m.type === 'error');
      live.close();
      return reply.type;
    };
    expect(await answer(outsider, 'delegates')).toBe('error');
    expect(await answer(outsider, 'check-in')).toBe('error');
    expect(await answer(desk, 'check-in')).toBe('subscribed');
    expect(await answer(desk, 'delegates')).toBe('error');
    expect(await answer(desk, 'consultations')).toBe('error');
  });

  it('refuses to subscribe before authenticating, and a forged token', async () => {
    const live = await connectLive(baseUrl);
    live.send({ type: 'subscribe', topics: ['delegates'] });
    expect(await live.next((m) => m.type === 'error')).toMatchObject({ field: 'token' });
    live.send({ type: 'auth', token: 'ses_forged' });
    await live.next((m) => m.type === 'error' && live.messages.filter((x) => x.type === 'error').length === 2);
    live.send('not json at all');
    await live.next((m) => m.type === 'error' && live.messages.filter((x) => x.type === 'error').length === 3);
    expect(live.messages.some((m) => m.type === 'subscribed')).toBe(false);
    live.close();
  });
});
