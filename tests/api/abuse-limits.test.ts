import { describe, expect, it } from 'vitest';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { and, eq } from 'drizzle-orm';
import { buildApp } from '../../server/app.ts';
import { defaultAbuseLimits, noAbuseLimits, type AbuseLimits } from '../../server/abuse/abuse-limits.ts';
import { auditLog, delegates } from '../../db/schema/index.ts';
import { aDelegate, demoCongressId, signInOrganiser, useAppsPerTest, type startTestApp } from '../support/test-app.ts';

type App = Awaited<ReturnType<typeof startTestApp>>['app'];
const apps = useAppsPerTest();

async function appWith(limits: Partial<AbuseLimits>) {
  return apps.start({ limits: { ...noAbuseLimits, ...limits } });
}

const registerFrom = (app: App, address: string, payload: Record<string, unknown> = aDelegate()) =>
  app.inject({ method: 'POST', url: '/api/registrations', payload, remoteAddress: address, headers: { 'accept-language': 'ko' } });

async function solvedChallenge(app: App, address: string) {
  const challenge = (await app.inject({ url: '/api/registrations/challenge', remoteAddress: address })).json() as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

describe('per-address limits', () => {
  it('states defaults that let a university behind one address register its delegates', () => {
    expect(defaultAbuseLimits.registrationsPerMinute).toBe(120);
    expect(defaultAbuseLimits.challengeAfterRegistrations).toBeGreaterThan(0);
  });

  it('refuses registrations past the limit from one address with 429 naming the request, and lets another address register', async () => {
    const { app } = await appWith({ registrationsPerMinute: 5 });
    for (let i = 0; i < 5; i++) expect((await registerFrom(app, '203.0.113.7')).statusCode).toBe(201);
    const refused = await registerFrom(app, '203.0.113.7');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ field: 'request', message: expect.stringContaining('1분') });
    expect((await registerFrom(app, '198.51.100.4')).statusCode).toBe(201);
    const stored = app.db.select({ id: delegates.id }).from(delegates).where(eq(delegates.registeredFrom, '203.0.113.7')).all();
    expect(stored).toHaveLength(5);
  });

  it('counts in the database, so two server processes on one database share the limit', async () => {
    const { app: first, databasePath } = await appWith({ registrationsPerMinute: 4 });
    const second = await buildApp({ databasePath, limits: { ...noAbuseLimits, registrationsPerMinute: 4 } });
    apps.track(second);
    expect((await registerFrom(first, '203.0.113.8')).statusCode).toBe(201);
    expect((await registerFrom(second, '203.0.113.8')).statusCode).toBe(201);
    expect((await registerFrom(first, '203.0.113.8')).statusCode).toBe(201);
    expect((await registerFrom(second, '203.0.113.8')).statusCode).toBe(201);
    expect((await registerFrom(first, '203.0.113.8')).statusCode).toBe(429);
    expect((await registerFrom(second, '203.0.113.8')).statusCode).toBe(429);
  });

  it('turns a limit off with 0', async () => {
    const { app } = await appWith({ registrationsPerMinute: 0, linkRequestsPerMinute: 0 });
    for (let i = 0; i < 30; i++) expect((await registerFrom(app, '203.0.113.9')).statusCode).toBe(201);
    for (let i = 0; i < 30; i++) {
      expect((await app.inject({ method: 'POST', url: '/api/me/link', payload: { email: 'x@example.org' }, remoteAddress: '203.0.113.9' })).statusCode).toBe(202);
    }
  });

  it('limits "send my link again" per address', async () => {
    const { app } = await appWith({ linkRequestsPerMinute: 3 });
    const ask = () => app.inject({ method: 'POST', url: '/api/me/link', payload: { email: 'someone@example.org' }, remoteAddress: '203.0.113.10' });
    for (let i = 0; i < 3; i++) expect((await ask()).statusCode).toBe(202);
    expect((await ask()).statusCode).toBe(429);
  });

  it("limits every other public write per address, a delegate's own changes included, but not organisers' work", async () => {
    const { app } = await appWith({ publicWritesPerMinute: 3 });
    const created = (await registerFrom(app, '203.0.113.11')).json() as { token: string };
    const edit = () =>
      app.inject({ method: 'PATCH', url: '/api/me', headers: { authorization: `Bearer ${created.token}` }, payload: { organisation: 'KICOX' }, remoteAddress: '203.0.113.11' });
    for (let i = 0; i < 3; i++) expect((await edit()).statusCode).toBe(200);
    expect((await edit()).statusCode).toBe(429);
    const organiser = await signInOrganiser(app);
    for (let i = 0; i < 5; i++) {
      const patched = await app.inject({ method: 'PATCH', url: '/api/categories/press', headers: organiser, payload: { capacity: 40 + i }, remoteAddress: '203.0.113.11' });
      expect(patched.statusCode).toBe(200);
    }
  });
});

describe('proof of work past the softer threshold', () => {
  it('asks for a solved challenge once an address has registered many, takes a solved one once, and refuses a forged one', async () => {
    const { app } = await appWith({ challengeAfterRegistrations: 3, challengeWindowMinutes: 10 });
    for (let i = 0; i < 3; i++) expect((await registerFrom(app, '203.0.113.20')).statusCode).toBe(201);
    const asked = await registerFrom(app, '203.0.113.20');
    expect(asked.statusCode).toBe(400);
    expect(asked.json()).toMatchObject({ field: 'challenge', message: expect.stringContaining('브라우저') });
    // Another address is not asked.
    expect((await registerFrom(app, '198.51.100.20')).statusCode).toBe(201);

    const challenge = await solvedChallenge(app, '203.0.113.20');
    expect((await registerFrom(app, '203.0.113.20', { ...aDelegate(), challenge })).statusCode).toBe(201);
    const replayed = await registerFrom(app, '203.0.113.20', { ...aDelegate(), challenge });
    expect(replayed.statusCode).toBe(400);
    expect(replayed.json().field).toBe('challenge');

    const decoded = JSON.parse(Buffer.from(await solvedChallenge(app, '203.0.113.20'), 'base64').toString()) as { challenge: Challenge; solution: { derivedKey: string } };
    // The derived key is what proves the work: one changed digit is a guess.
    decoded.solution.derivedKey = (decoded.solution.derivedKey[0] === '0' ? '1' : '0') + decoded.solution.derivedKey.slice(1);
    const forged = await registerFrom(app, '203.0.113.20', { ...aDelegate(), challenge: Buffer.from(JSON.stringify(decoded)).toString('base64') });
    expect(forged.statusCode).toBe(400);
    expect((await registerFrom(app, '203.0.113.20', { ...aDelegate(), challenge: 'not base64 json' })).statusCode).toBe(400);
    const fromThere = app.db.select({ id: delegates.id }).from(delegates).where(eq(delegates.registeredFrom, '203.0.113.20')).all();
    expect(fromThere).toHaveLength(4);
  });
});

describe("an organiser's cancellation of a burst", () => {
  it('finds registrations from one address and cancels them in one action, the freed places going to those waiting in order', async () => {
    const { app } = await appWith({});
    const organiser = await signInOrganiser(app);
    await app.inject({ method: 'PATCH', url: '/api/categories/press', headers: organiser, payload: { capacity: 4, requiresApproval: false } });
    const real = (await registerFrom(app, '198.51.100.1', aDelegate({ category: 'press' }))).json() as { id: number };
    const burst: { id: number; status: string }[] = [];
    for (let i = 0; i < 5; i++) burst.push((await registerFrom(app, '203.0.113.66', aDelegate({ category: 'press' }))).json());
    const waiting: { id: number; status: string }[] = [];
    for (let i = 0; i < 2; i++) waiting.push((await registerFrom(app, `198.51.100.${10 + i}`, aDelegate({ category: 'press' }))).json());
    expect(burst.map((one) => one.status)).toEqual(['confirmed', 'confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
    expect(waiting.map((one) => one.status)).toEqual(['waitlisted', 'waitlisted']);

    const found = (await app.inject({ url: '/api/delegates/bursts?minimum=3', headers: organiser })).json();
    expect(found.items).toEqual([expect.objectContaining({ address: '203.0.113.66', registrations: 5, open: 5 })]);

    const cancelled = await app.inject({ method: 'POST', url: '/api/delegates/bursts/cancel', headers: organiser, payload: { address: '203.0.113.66' } });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toEqual({ cancelled: 5 });
    const statusOf = (id: number) => app.db.select({ status: delegates.status }).from(delegates).where(eq(delegates.id, id)).get()!.status;
    expect(burst.map((one) => statusOf(one.id))).toEqual(Array(5).fill('cancelled'));
    expect(waiting.map((one) => statusOf(one.id))).toEqual(['confirmed', 'confirmed']);
    expect(statusOf(real.id)).toBe('confirmed');
    // No place freed by the burst went to another of its registrations on the way.
    const promoted = app.db.select({ id: auditLog.entityId }).from(auditLog).where(eq(auditLog.action, 'delegate.promote')).all().map((row) => row.id);
    expect(promoted).toEqual(waiting.map((one) => one.id));
    const audited = app.db.select().from(auditLog).where(and(eq(auditLog.congressId, demoCongressId(app)), eq(auditLog.action, 'delegate.cancelBurst'))).all();
    expect(audited).toHaveLength(1);
    expect((await app.inject({ url: '/api/delegates/bursts?minimum=3', headers: organiser })).json().items[0].open).toBe(0);
  });

  it('cancels by time window, and refuses a request naming neither an address nor a whole window', async () => {
    const { app } = await appWith({});
    const organiser = await signInOrganiser(app);
    const before = (await registerFrom(app, '198.51.100.2')).json() as { id: number };
    await new Promise((resolve) => setTimeout(resolve, 20));
    const from = new Date().toISOString();
    const inside = [(await registerFrom(app, '198.51.100.3')).json(), (await registerFrom(app, '198.51.100.4')).json()] as { id: number }[];
    const to = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const after = (await registerFrom(app, '198.51.100.5')).json() as { id: number };

    const incomplete = await app.inject({ method: 'POST', url: '/api/delegates/bursts/cancel', headers: { ...organiser, 'accept-language': 'ko' }, payload: { from } });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().field).toBe('to');
    const cancelled = await app.inject({ method: 'POST', url: '/api/delegates/bursts/cancel', headers: organiser, payload: { from, to } });
    expect(cancelled.json()).toEqual({ cancelled: 2 });
    const statusOf = (id: number) => app.db.select({ status: delegates.status }).from(delegates).where(eq(delegates.id, id)).get()!.status;
    expect([before, ...inside, after].map((one) => statusOf(one.id))).toEqual(['confirmed', 'cancelled', 'cancelled', 'confirmed']);
  });
});
