import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerDelegate, signInOrganiser, startTestApp } from '../support/test-app.ts';

type App = Awaited<ReturnType<typeof startTestApp>>['app'];
let app: App;
beforeEach(async () => ({ app } = await startTestApp()));
afterEach(async () => app.close());

const registered = (overrides = {}) => registerDelegate(app, overrides);

describe('/api/me', () => {
  it('refuses a request with no token, an unknown token or an organiser session', async () => {
    expect((await app.inject('/api/me')).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/me', headers: { authorization: 'Bearer dlg_forged' } })).statusCode).toBe(401);
    const organiser = await signInOrganiser(app);
    expect((await app.inject({ url: '/api/me', headers: organiser })).statusCode).toBe(403);
  });

  it("refuses a token whose secret is not the delegate's, even with a real id", async () => {
    const first = await registered();
    const second = await registered();
    const secretOfSecond = second.token.split('.')[1];
    const forged = [`dlg_${first.id}.${secretOfSecond}`, `dlg_${first.id}.${'A'.repeat(32)}`, `dlg_${first.id}`, first.token.slice(0, -1)];
    for (const token of forged) expect((await app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } })).statusCode, token).toBe(401);
    expect((await app.inject({ url: '/api/me', headers: first.headers })).json().id).toBe(first.id);
  });

  it('edits the own registration, clears optional fields with null and keeps the rest', async () => {
    const delegate = await registered({ organisation: 'KICOX', jobTitle: 'Director' });
    const patched = await app.inject({ method: 'PATCH', url: '/api/me', headers: delegate.headers, payload: { familyName: '박', organisation: null, languages: ['ko', 'zh'] } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ familyName: '박', organisation: null, jobTitle: 'Director', languages: ['ko', 'zh'], givenName: 'Minjun' });
  });

  it("keeps the own address written in another case, and refuses another delegate's address in any case", async () => {
    const delegate = await registered({ email: 'Minjun.Kim@Example.org' });
    const recased = await app.inject({ method: 'PATCH', url: '/api/me', headers: delegate.headers, payload: { email: 'minjun.kim@example.org' } });
    expect([recased.statusCode, recased.json().email]).toEqual([200, 'minjun.kim@example.org']);
    const other = await registered({ email: 'wei.zhang@example.cn' });
    const taken = await app.inject({ method: 'PATCH', url: '/api/me', headers: other.headers, payload: { email: 'MINJUN.KIM@example.org' } });
    expect([taken.statusCode, taken.json().field]).toEqual([409, 'email']);
  });

  it('refuses a bad edit naming the field and leaves the registration as it was', async () => {
    const delegate = await registered();
    const before = (await app.inject({ url: '/api/me', headers: delegate.headers })).json();
    for (const [payload, field] of [
      [{ email: 'broken' }, 'email'],
      [{ category: 'press' }, 'category'],
      [{ country: 'QQ' }, 'country'],
      [{}, 'body'],
    ] as const) {
      const response = await app.inject({ method: 'PATCH', url: '/api/me', headers: delegate.headers, payload });
      expect(response.statusCode).toBe(400);
      expect(response.json().field).toBe(field);
    }
    expect((await app.inject({ url: '/api/me', headers: delegate.headers })).json()).toEqual(before);
  });

  it('keeps the name in Latin letters for the badge, refuses another script in the reader’s language, and clears it when emptied', async () => {
    const delegate = await registered({ givenName: '민준', familyName: '김', latinName: '  Minjun KIM ' });
    expect((await app.inject({ url: '/api/me', headers: delegate.headers })).json()).toMatchObject({ givenName: '민준', latinName: 'Minjun KIM' });
    const accented = await app.inject({ method: 'PATCH', url: '/api/me', headers: delegate.headers, payload: { latinName: 'Nguyễn Văn An' } });
    expect(accented.json().latinName).toBe('Nguyễn Văn An');
    for (const latinName of ['김민준', 'Minjun 김', 'Minjun2', '...']) {
      const refused = await app.inject({ method: 'PATCH', url: '/api/me', headers: { ...delegate.headers, 'accept-language': 'ko' }, payload: { latinName } });
      expect([refused.statusCode, refused.json()], latinName).toMatchObject([400, { field: 'latinName', message: '영문 이름: 로마자(A–Z, 악센트 포함)로 입력하세요.' }]);
    }
    expect((await app.inject({ url: '/api/me', headers: delegate.headers })).json().latinName).toBe('Nguyễn Văn An');
    const cleared = await app.inject({ method: 'PATCH', url: '/api/me', headers: delegate.headers, payload: { latinName: ' ' } });
    expect(cleared.json().latinName).toBeNull();
  });

  it("refuses to take another delegate's email", async () => {
    await registered({ email: 'taken@example.org' });
    const delegate = await registered();
    const response = await app.inject({ method: 'PATCH', url: '/api/me', headers: delegate.headers, payload: { email: 'TAKEN@example.org' } });
    expect(response.statusCode).toBe(409);
  });

  it('cancelling frees the place and promotes the first waitlisted delegate of that category', async () => {
    app.db.$client.prepare("update delegate_categories set capacity = 1 where code = 'research'").run();
    const holder = await registered({ category: 'research' });
    const first = await registered({ category: 'research' });
    const second = await registered({ category: 'research' });
    expect([holder.status, first.status, second.status]).toEqual(['confirmed', 'waitlisted', 'waitlisted']);
    expect((await app.inject({ url: '/api/me', headers: second.headers })).json().waitlistPosition).toBe(2);

    const cancelled = await app.inject({ method: 'DELETE', url: '/api/me', headers: holder.headers });
    expect(cancelled.json().status).toBe('cancelled');
    expect((await app.inject({ url: '/api/me', headers: first.headers })).json()).toMatchObject({ status: 'confirmed', waitlistPosition: null });
    expect((await app.inject({ url: '/api/me', headers: second.headers })).json()).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

    expect((await app.inject({ method: 'DELETE', url: '/api/me', headers: holder.headers })).statusCode).toBe(409);
    expect((await app.inject({ method: 'PATCH', url: '/api/me', headers: holder.headers, payload: { givenName: 'Again' } })).statusCode).toBe(409);
  });

  it('a promoted delegate of an approval category becomes pending, not confirmed', async () => {
    app.db.$client.prepare("update delegate_categories set capacity = 1 where code = 'press'").run();
    const holder = await registered({ category: 'press' });
    const next = await registered({ category: 'press' });
    expect([holder.status, next.status]).toEqual(['pending', 'waitlisted']);
    await app.inject({ method: 'DELETE', url: '/api/me', headers: holder.headers });
    expect((await app.inject({ url: '/api/me', headers: next.headers })).json().status).toBe('pending');
  });
});
