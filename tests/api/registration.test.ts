import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { auditLog, delegates } from '../../db/schema/index.ts';
import { aDelegate, signInOrganiser, startTestApp } from '../support/test-app.ts';
import { forgetOldIdempotencyKeys } from '../../server/registration/registration-service.ts';

type App = Awaited<ReturnType<typeof startTestApp>>['app'];
let app: App;
beforeEach(async () => ({ app } = await startTestApp()));
afterEach(async () => app.close());

const post = (payload: unknown, headers: Record<string, string> = {}) => app.inject({ method: 'POST', url: '/api/registrations', payload: payload as object, headers });
const storedDelegates = () => app.db.select({ n: count() }).from(delegates).get()!.n;

describe('POST /api/registrations', () => {
  it('answers the health check', async () => {
    expect((await app.inject('/api/health')).statusCode).toBe(200);
  });

  it('registers a delegate and hands out a personal token that opens the registration', async () => {
    const response = await post(aDelegate({ email: 'ketels@example.org', givenName: 'Christian', familyName: 'Ketels', country: 'US' }));
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toEqual({ id: expect.any(Number), token: expect.stringMatching(/^dlg_/), status: 'confirmed', calendarUrl: expect.stringMatching(/^\/api\/c\/tci-2015-daegu\/calendar\/\d+\/[\w-]{43}\.ics$/) });
    const me = await app.inject({ url: '/api/me', headers: { authorization: `Bearer ${body.token}` } });
    expect(me.json()).toMatchObject({ id: body.id, givenName: 'Christian', email: 'ketels@example.org', country: 'US', category: 'university', status: 'confirmed', calendarUrl: body.calendarUrl });
    expect(app.db.select({ n: count() }).from(auditLog).get()!.n).toBe(1);
  });

  it('stores names in any script exactly as typed, markup included as text', async () => {
    const names = [
      ['민준', '김'],
      ['明杰', '牛'],
      ['Пелагея', 'Шубина'],
      ['عوضية', 'همدان'],
      ['शृष्टि', 'हमाल'],
      ['Zoë', 'Nguyễn-Ångström'],
      ['<script>alert(1)</script>', '<b>Bold</b> & "quoted"'],
    ];
    for (const [givenName, familyName] of names) {
      const { token } = (await post(aDelegate({ givenName, familyName }))).json();
      const me = (await app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } })).json();
      expect([me.givenName, me.familyName]).toEqual([givenName, familyName]);
    }
  });

  it('puts approval categories in pending and full categories on the waiting list', async () => {
    expect((await post(aDelegate({ category: 'press' }))).json().status).toBe('pending');
    app.db.$client.prepare("update delegate_categories set capacity = 1 where code = 'sme'").run();
    expect((await post(aDelegate({ category: 'sme' }))).json().status).toBe('confirmed');
    expect((await post(aDelegate({ category: 'sme' }))).json().status).toBe('waitlisted');
  });

  it('refuses a second registration with the same email, whatever its case, with 409', async () => {
    expect((await post(aDelegate({ email: 'Dup@Example.org' }))).statusCode).toBe(201);
    const again = await post(aDelegate({ email: 'dup@example.ORG' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().field).toBe('email');
    expect(storedDelegates()).toBe(1);
  });

  it('replays the first answer to a retry with the same Idempotency-Key, and creates one delegate', async () => {
    const body = aDelegate();
    const first = await post(body, { 'idempotency-key': 'attempt-1' });
    const retry = await post(body, { 'idempotency-key': 'attempt-1' });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    expect(storedDelegates()).toBe(1);
    const other = await post(aDelegate(), { 'idempotency-key': 'attempt-1' });
    expect(other.statusCode).toBe(422);
    expect(other.json().field).toBe('Idempotency-Key');
    expect(storedDelegates()).toBe(1);
  });

  it('forgets idempotency keys after a day, with the personal token stored in their answer', async () => {
    await post(aDelegate(), { 'idempotency-key': 'old-attempt' });
    expect(forgetOldIdempotencyKeys(app.registrationsOf(1).statements)).toBe(0);
    expect(forgetOldIdempotencyKeys(app.registrationsOf(1).statements, Date.now() + 25 * 60 * 60 * 1000)).toBe(1);
    expect(app.db.$client.prepare('select count(*) from idempotency_keys').pluck().get()).toBe(0);
  });

  const badBodies: [string, Record<string, unknown>, string][] = [
    ['a missing email', { email: undefined }, 'email'],
    ['a malformed email', { email: 'not-an-email' }, 'email'],
    ['an empty given name', { givenName: '' }, 'givenName'],
    ['a blank family name', { familyName: '   ' }, 'familyName'],
    ['an over-long organisation', { organisation: 'x'.repeat(201) }, 'organisation'],
    ['an over-long given name', { givenName: 'x'.repeat(101) }, 'givenName'],
    ['an unknown country', { country: 'XX' }, 'country'],
    ['a lower-case country', { country: 'kr' }, 'country'],
    ['an unknown category', { category: 'astronaut' }, 'category'],
    ['no languages', { languages: [] }, 'languages'],
    ['an unknown language', { languages: ['en', 'xx'] }, 'languages[1]'],
    ['a language that is not a tag', { languages: ['English'] }, 'languages[0]'],
    ['a number for a name', { givenName: 42 }, 'givenName'],
    ['a string for languages', { languages: 'en' }, 'languages'],
    ['an extra field', { isAdmin: true }, 'isAdmin'],
    ['a phone with letters', { phone: 'call me' }, 'phone'],
  ];

  it.each(badBodies)('refuses %s with 400 naming the field, storing nothing', async (_case, change, field) => {
    const response = await post({ ...aDelegate(), ...change });
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe(field);
    expect(response.json().message).toEqual(expect.any(String));
    expect(storedDelegates()).toBe(0);
  });

  it('explains a refusal in the language the request asks for', async () => {
    const korean = await post({ ...aDelegate(), email: 'nope' }, { 'accept-language': 'ko-KR,ko;q=0.9' });
    expect(korean.json()).toMatchObject({ field: 'email', message: '이메일: 올바른 이메일 주소를 입력해 주세요(예: name@example.org).' });
    const french = await post({ ...aDelegate(), country: 'ZZ' }, { 'accept-language': 'fr' });
    expect(french.json()).toMatchObject({ field: 'country', message: 'Pays : choisissez un pays dans la liste.' });
    const russian = await post({ ...aDelegate(), givenName: '' }, { 'accept-language': 'ru' });
    expect(russian.json().message).toBe('Имя: обязательное поле.');
  });

  it('names every field at fault at once, first among them the first the form shows', async () => {
    const empty = await post({ givenName: '', familyName: ' ', email: '', country: '', category: '', languages: [], phone: 'call me' }, { 'accept-language': 'ja' });
    expect(empty.statusCode).toBe(400);
    const body = empty.json() as { field: string; message: string; errors: { field: string; message: string }[] };
    expect(body.errors).toEqual([
      { field: 'givenName', message: '名：必須項目です。' },
      { field: 'familyName', message: '姓：必須項目です。' },
      { field: 'email', message: 'メールアドレス：必須項目です。' },
      { field: 'country', message: '国・地域：必須項目です。' },
      { field: 'category', message: expect.stringMatching(/：必須項目です。$/) },
      { field: 'languages', message: expect.stringMatching(/：/) },
      { field: 'phone', message: expect.stringMatching(/：/) },
    ]);
    expect({ field: body.field, message: body.message }).toEqual(body.errors[0]);
    // A name pasted far too long is refused on that field, with the limit.
    const long = await post({ ...aDelegate(), givenName: 'A'.repeat(5000), email: 'not an address' }, { 'accept-language': 'en' });
    expect((long.json() as typeof body).errors).toEqual([
      { field: 'givenName', message: 'Given name: at most 100 characters.' },
      { field: 'email', message: expect.stringMatching(/^Email/) },
    ]);
  });

  it('refuses malformed JSON, a wrong content type and an oversized body with a 4xx naming the body', async () => {
    const malformed = await app.inject({ method: 'POST', url: '/api/registrations', headers: { 'content-type': 'application/json' }, payload: '{"givenName": ' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().field).toBe('body');
    const text = await app.inject({ method: 'POST', url: '/api/registrations', headers: { 'content-type': 'text/plain' }, payload: 'hello' });
    expect(text.statusCode).toBe(415);
    const huge = await post({ ...aDelegate(), dietary: 'x'.repeat(200_000) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().field).toBe('body');
    expect(storedDelegates()).toBe(0);
  });

  it('refuses an address that cannot be decoded with a JSON 400 naming the url, in the asker’s language', async () => {
    const answer = await app.inject({ url: '/api/verify/%%%', headers: { 'accept-language': 'ko' } });
    expect(answer.statusCode).toBe(400);
    expect(answer.json()).toMatchObject({ field: 'url' });
    expect(answer.json().message).toMatch(/^주소/);
  });

  it('answers an unknown API address with a JSON 404', async () => {
    const response = await app.inject('/api/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.json().field).toBe('url');
  });
});

describe('the history and messages of a registration’s changes', () => {
  it('records who changed what, tells each person in the right words, and refuses a second close naming why', async () => {
    const organiser = await signInOrganiser(app);
    const history = (delegateId: number) =>
      app.db.$client.prepare('select action, actor_type, actor_id, entity, data from audit_log where entity_id = ? and entity = ? order by id').all(delegateId, 'delegate') as {
        action: string; actor_type: string; actor_id: number | null; entity: string; data: string;
      }[];
    const messages = (delegateId: number) => app.db.$client.prepare('select kind from outbox_messages where delegate_id = ? order by id').pluck().all(delegateId);
    await app.inject({ method: 'PATCH', url: '/api/categories/sme', headers: organiser, payload: { capacity: 1 } });
    await app.inject({ method: 'PATCH', url: '/api/categories/press', headers: organiser, payload: { capacity: 1 } });
    const holder = (await post(aDelegate({ category: 'sme' }))).json() as { id: number; token: string };
    const waiting = (await post(aDelegate({ category: 'sme' }))).json() as { id: number; token: string };
    const pressHolder = (await post(aDelegate({ category: 'press' }))).json() as { id: number; token: string };
    const pressWaiting = (await post(aDelegate({ category: 'press' }))).json() as { id: number; token: string };

    const edited = await app.inject({ method: 'PATCH', url: '/api/me', headers: { authorization: `Bearer ${holder.token}` }, payload: { jobTitle: 'CEO' } });
    expect(edited.statusCode).toBe(200);
    expect(history(holder.id).at(-1)).toEqual({ action: 'delegate.update', actor_type: 'delegate', actor_id: holder.id, entity: 'delegate', data: JSON.stringify({ fields: ['jobTitle'] }) });

    // The delegate cancels: the first waiting in an open category is confirmed, in an approval category pending.
    await app.inject({ method: 'DELETE', url: '/api/me', headers: { authorization: `Bearer ${holder.token}` } });
    expect(history(holder.id).at(-1)).toEqual({ action: 'delegate.cancel', actor_type: 'delegate', actor_id: holder.id, entity: 'delegate', data: JSON.stringify({ from: 'confirmed' }) });
    expect(history(waiting.id).at(-1)).toEqual({ action: 'delegate.promote', actor_type: 'system', actor_id: null, entity: 'delegate', data: JSON.stringify({ status: 'confirmed' }) });
    expect(messages(waiting.id)).toEqual(['registration.waitlisted', 'registration.promoted']);
    const organiserId = app.db.$client.prepare("select id from accounts where email = 'organiser@test.example'").pluck().get() as number;
    await app.inject({ method: 'POST', url: `/api/delegates/${pressHolder.id}/decline`, headers: organiser });
    expect(history(pressHolder.id).at(-1)).toEqual({ action: 'delegate.decline', actor_type: 'account', actor_id: organiserId, entity: 'delegate', data: JSON.stringify({ from: 'pending' }) });
    expect(history(pressWaiting.id).at(-1)).toMatchObject({ action: 'delegate.promote', data: JSON.stringify({ status: 'pending' }) });
    expect(messages(pressWaiting.id)).toEqual(['registration.waitlisted', 'registration.promotedPending']);

    // Closed once, closed for good: a second cancellation and a decline of a confirmed delegate say why.
    const again = await app.inject({ method: 'DELETE', url: '/api/me', headers: { authorization: `Bearer ${holder.token}`, 'accept-language': 'en' } });
    expect(again.json()).toEqual({ field: 'status', message: 'Status: this registration is closed and can no longer be changed.' });
    const notPending = await app.inject({ method: 'POST', url: `/api/delegates/${waiting.id}/decline`, headers: { ...organiser, 'accept-language': 'en' } });
    expect(notPending.json()).toEqual({ field: 'status', message: 'Status: only a registration awaiting approval can be approved or declined.' });
    const editClosed = await app.inject({ method: 'PATCH', url: '/api/me', headers: { authorization: `Bearer ${holder.token}`, 'accept-language': 'en' }, payload: { jobTitle: 'x' } });
    expect([editClosed.statusCode, editClosed.json()]).toEqual([409, { field: 'status', message: 'Status: this registration is closed and can no longer be changed.' }]);
  });
});
