import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { defaultLiveTimings } from '../../server/live/live-routes.ts';
import { liveCloseCodes } from '../../shared/live-close-codes.ts';
import { connectLive } from '../support/live-client.ts';
import { aDelegate, organiserCredentials, signInAccount, signInOrganiser, useAppsPerTest, type startTestApp } from '../support/test-app.ts';

const apps = useAppsPerTest();

async function listening(options: Parameters<typeof startTestApp>[0] = {}) {
  const { app } = await apps.start(options);
  return { app, baseUrl: await app.listen({ port: 0, host: '127.0.0.1' }) };
}

const json = (method: string, body?: unknown, authorization?: string) => ({
  method,
  headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(authorization ? { authorization } : {}) },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

async function follow(baseUrl: string, token: string, topic: string) {
  const live = await connectLive(baseUrl);
  live.send({ type: 'auth', token });
  live.send({ type: 'subscribe', topics: [topic] });
  await live.next((m) => m.type === 'subscribed');
  return live;
}

/** Milliseconds until the socket closes, failing past the five seconds allowed. */
async function closesWithin5s(live: Awaited<ReturnType<typeof connectLive>>) {
  const from = Date.now();
  const closed = await Promise.race([live.closed, new Promise<null>((resolve) => setTimeout(() => resolve(null), 5_000))]);
  expect(closed, 'the socket stayed open').not.toBeNull();
  expect(closed!.code).toBe(liveCloseCodes.sessionEnded);
  return Date.now() - from;
}

describe('live sessions that end', () => {
  it('closes an organiser’s socket on sign-out and delivers nothing after it, even an event published at once', async () => {
    const { app, baseUrl } = await listening();
    const token = (await signInOrganiser(app)).authorization.slice('Bearer '.length);
    const live = await follow(baseUrl, token, 'delegates');
    expect((await fetch(`${baseUrl}/api/auth/logout`, json('POST', undefined, `Bearer ${token}`))).status).toBe(204);
    await fetch(`${baseUrl}/api/registrations`, json('POST', aDelegate()));
    await closesWithin5s(live);
    expect(live.messages.filter((m) => m.type === 'event')).toEqual([]);
  });

  it('closes within 5 seconds when nothing is published: sign-out, another session’s password change, a disabled account', async () => {
    const { app, baseUrl } = await listening();
    const first = (await signInOrganiser(app)).authorization.slice('Bearer '.length);
    const signedOut = await follow(baseUrl, first, 'delegates');
    await fetch(`${baseUrl}/api/auth/logout`, json('POST', undefined, `Bearer ${first}`));
    expect(await closesWithin5s(signedOut)).toBeLessThanOrEqual(defaultLiveTimings.recheckMs + 1_000);

    const login = () => fetch(`${baseUrl}/api/auth/login`, json('POST', organiserCredentials)).then((r) => r.json() as Promise<{ token: string }>);
    const other = await follow(baseUrl, (await login()).token, 'delegates');
    const current = (await login()).token;
    const changed = await fetch(`${baseUrl}/api/auth/password`, json('POST', { currentPassword: organiserCredentials.password, newPassword: 'a brand new passphrase for tci' }, `Bearer ${current}`));
    expect(changed.status).toBe(204);
    await closesWithin5s(other);

    const staff = await signInAccount(app, 'organiser');
    const staffLive = await follow(baseUrl, staff.authorization.slice('Bearer '.length), 'delegates');
    const accounts = (await fetch(`${baseUrl}/api/accounts`, { headers: { authorization: `Bearer ${current}` } }).then((r) => r.json())) as { accounts: { id: number; email: string }[] };
    const member = accounts.accounts.find((one) => one.email.startsWith('organiser.'))!;
    expect((await fetch(`${baseUrl}/api/accounts/${member.id}`, json('PATCH', { disabled: true }, `Bearer ${current}`))).status).toBe(204);
    await closesWithin5s(staffLive);
  });

  it('takes a browser’s session from its cookie at the upgrade, and closes the socket when it signs out', async () => {
    const { app, baseUrl } = await listening();
    await signInOrganiser(app);
    const login = await fetch(`${baseUrl}/api/auth/login`, json('POST', { ...organiserCredentials, session: 'cookie' }));
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const live = await connectLive(baseUrl, { cookie });
    live.send({ type: 'subscribe', topics: ['delegates'] });
    await live.next((m) => m.type === 'subscribed');
    expect((await fetch(`${baseUrl}/api/auth/logout`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } })).status).toBe(204);
    await closesWithin5s(live);
  });

  it('closes a delegate’s socket when they cancel, and when they erase their data', async () => {
    const { baseUrl } = await listening();
    const register = () => fetch(`${baseUrl}/api/registrations`, json('POST', aDelegate())).then((r) => r.json() as Promise<{ id: number; token: string }>);
    const cancelling = await register();
    const cancelLive = await follow(baseUrl, cancelling.token, `delegate:${cancelling.id}`);
    expect((await fetch(`${baseUrl}/api/me`, json('DELETE', undefined, `Bearer ${cancelling.token}`))).status).toBe(200);
    await closesWithin5s(cancelLive);

    const erasing = await register();
    const eraseLive = await follow(baseUrl, erasing.token, `delegate:${erasing.id}`);
    expect((await fetch(`${baseUrl}/api/me?erase=true`, json('DELETE', undefined, `Bearer ${erasing.token}`))).status).toBe(204);
    await closesWithin5s(eraseLive);
  });

  it('closes a socket that has not authenticated in time', async () => {
    expect(defaultLiveTimings.authTimeoutMs).toBe(10_000);
    const { baseUrl } = await listening({ liveTimings: { authTimeoutMs: 300 } });
    const silent = await connectLive(baseUrl);
    expect((await silent.closed).code).toBe(liveCloseCodes.authTimeout);
    const wrong = await connectLive(baseUrl);
    wrong.send({ type: 'auth', token: 'ses_not-a-session' });
    expect((await wrong.closed).code).toBe(liveCloseCodes.authTimeout);
  });

  it('refuses more sockets from one address than the limit, and takes one again once another closes', async () => {
    const { baseUrl } = await listening({ limits: { socketsPerAddress: 3 } });
    const open = [await connectLive(baseUrl), await connectLive(baseUrl), await connectLive(baseUrl)];
    await expect(connectLive(baseUrl)).rejects.toThrow('429');
    open[0]!.close();
    await open[0]!.closed;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const again = await connectLive(baseUrl);
    again.close();
    for (const live of open.slice(1)) live.close();
  });

  it('closes a socket that sends an oversized frame, logging no error', async () => {
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const { baseUrl } = await listening({ logger: { level: 'info', stream } });
    const live = await connectLive(baseUrl);
    live.sendRaw('x'.repeat(64 * 1024));
    expect((await live.closed).code).toBe(1009);
    // The server goes on serving others.
    const next = await connectLive(baseUrl);
    next.close();
    const errors = lines.map((line) => JSON.parse(line) as { level: number }).filter((entry) => entry.level >= 50);
    expect(errors).toEqual([]);
  });
});
