import { describe, expect, it } from 'vitest';
import net from 'node:net';
import { statSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { delegates, idempotencyKeys, programmeSessions } from '../../db/schema/index.ts';
import { aDelegate, signInOrganiser, useAppsPerTest } from '../support/test-app.ts';

const apps = useAppsPerTest();
const started = apps.start;

/** Sends raw bytes to the listening server and returns everything it answered before closing. */
function rawRequest(baseUrl: string, bytes: string) {
  return new Promise<string>((resolve) => {
    const socket = net.connect(Number(new URL(baseUrl).port), '127.0.0.1', () => socket.write(bytes));
    let answer = '';
    socket.on('data', (chunk) => (answer += String(chunk)));
    socket.on('close', () => resolve(answer));
    socket.on('error', () => resolve(answer));
    setTimeout(() => socket.destroy(), 10_000);
  });
}
const jsonOf = (answer: string) => JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { field: string; message: string };

describe('clean text', () => {
  it.each([
    ['NUL', 'Min\u0000jun'],
    ['a control character', 'Min\u001bjun'],
    ['a C1 control character', 'Min\u0085jun'],
    ['a lone surrogate', 'Min\ud800jun'],
    ['a right-to-left override', 'Min\u202ejun'],
    ['a first-strong isolate', 'Min\u2068jun'],
  ])('refuses %s in a registration with 400 naming the field in the reader’s language, storing nothing', async (_what, givenName) => {
    const { app } = await started();
    const before = app.db.select().from(delegates).all().length;
    const answer = await app.inject({
      method: 'POST',
      url: '/api/registrations',
      headers: { 'content-type': 'application/json', 'accept-language': 'ko' },
      // Written by hand: JSON.stringify would keep a lone surrogate as an escape all the same.
      payload: JSON.stringify(aDelegate({ givenName })),
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json()).toMatchObject({ field: 'givenName', message: expect.stringContaining('보이지 않는') });
    expect(app.db.select().from(delegates).all()).toHaveLength(before);
  });

  it('names the place of an unclean text deep in a body: one language of a title', async () => {
    const { app } = await started();
    const organiser = await signInOrganiser(app);
    const answer = await app.inject({
      method: 'POST',
      url: '/api/programme/sessions',
      headers: { ...organiser, 'accept-language': 'fr' },
      payload: { code: 'workshop', kind: 'parallel', title: { en: 'Workshop', ko: '워크\u202e숍' }, startsAt: '2015-11-06T14:00:00+09:00', endsAt: '2015-11-06T15:00:00+09:00' },
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().field).toBe('title.ko');
    expect(app.db.select().from(programmeSessions).where(eq(programmeSessions.code, 'workshop')).all()).toHaveLength(0);
  });

  it('keeps line breaks and tabs where a text may have them, and stores every text in NFC', async () => {
    const { app } = await started();
    const decomposed = 'Nguye\u0302\u0303n'; // "Nguyễn" typed as base letters and combining marks
    const created = await app.inject({ method: 'POST', url: '/api/registrations', payload: aDelegate({ givenName: decomposed, familyName: '\u1100\u1161\u11a8', dietary: 'No pork\n\tNo shellfish' }) });
    expect(created.statusCode).toBe(201);
    const row = app.db.select().from(delegates).where(eq(delegates.id, created.json().id)).get()!;
    expect(row.givenName).toBe('Nguyễn');
    expect(row.givenName).toBe(decomposed.normalize('NFC'));
    expect(row.familyName).toBe('각');
    expect(row.dietary).toBe('No pork\n\tNo shellfish');
  });
});

describe('refusals before any route runs', () => {
  it('answers too large headers, a slow body, a bad percent-encoding and an over-long parameter as { field, message }', async () => {
    const { app } = await started({ requestTimeoutMs: 600 });
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const tooLarge = await rawRequest(baseUrl, `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Filler: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(tooLarge).toMatch(/^HTTP\/1\.1 431 /);
    expect(jsonOf(tooLarge)).toMatchObject({ field: 'headers' });

    const sentAt = Date.now();
    const slow = await rawRequest(baseUrl, 'POST /api/me/link HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"em');
    expect(slow).toMatch(/^HTTP\/1\.1 408 /);
    expect(jsonOf(slow)).toMatchObject({ field: 'body' });
    expect(Date.now() - sentAt).toBeLessThan(5_000);

    const badEncoding = await fetch(`${baseUrl}/api/verify/%E0%A4%A`);
    expect([badEncoding.status, ((await badEncoding.json()) as { field: string }).field]).toEqual([400, 'url']);
    const overLong = await fetch(`${baseUrl}/api/verify/${'a'.repeat(500)}`);
    expect([overLong.status, ((await overLong.json()) as { field: string }).field]).toEqual([400, 'url']);
    expect((await fetch(`${baseUrl}/api/health`)).status).toBe(200);
  });
});

describe('stored secrets and files', () => {
  it('keeps no personal token or Idempotency-Key in plain text, and still answers a retry with the token', async () => {
    const { app } = await started();
    const key = 'retry-key-0f8e2c';
    const body = aDelegate();
    const first = await app.inject({ method: 'POST', url: '/api/registrations', payload: body, headers: { 'idempotency-key': key } });
    const retry = await app.inject({ method: 'POST', url: '/api/registrations', payload: body, headers: { 'idempotency-key': key } });
    expect(retry.json()).toEqual(first.json());
    const stored = JSON.stringify(app.db.select().from(idempotencyKeys).all());
    expect(stored).not.toContain(key);
    expect(stored).not.toContain(first.json().token);
    expect(stored).not.toContain(first.json().token.split('.')[1]);
  });

  it('creates the database file readable by its owner only', async () => {
    const { databasePath } = await started();
    expect(statSync(databasePath).mode & 0o777).toBe(0o600);
    expect(statSync(`${databasePath}-wal`).mode & 0o777).toBe(0o600);
  });
});
