import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aDelegate, organiserCredentials, signInOrganiser, startTestApp } from '../support/test-app.ts';

type App = Awaited<ReturnType<typeof startTestApp>>['app'];
let app: App;
let organiser: { authorization: string };
beforeEach(async () => {
  ({ app } = await startTestApp());
  organiser = await signInOrganiser(app);
});
afterEach(async () => app.close());

async function register(overrides = {}) {
  return (await app.inject({ method: 'POST', url: '/api/registrations', payload: aDelegate(overrides) })).json() as { id: number; token: string; status: string };
}

describe('organiser sign-in', () => {
  it('refuses a wrong password and an unknown email alike, naming the password', async () => {
    for (const payload of [{ ...organiserCredentials, password: 'wrong' }, { email: 'nobody@example.org', password: 'x' }]) {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload, headers: { 'accept-language': 'ja' } });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ field: 'password', message: 'パスワード：メールアドレスまたはパスワードが正しくありません。' });
    }
  });

  it('slows password guessing: the eleventh attempt in a minute gets 429', async () => {
    const attempt = () => app.inject({ method: 'POST', url: '/api/auth/login', payload: { ...organiserCredentials, password: 'guess' }, headers: { 'accept-language': 'es' } });
    // signInOrganiser already used one attempt of the ten.
    for (let i = 0; i < 9; i++) expect((await attempt()).statusCode).toBe(401);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ field: 'request', message: 'Solicitud: demasiados intentos; espere un minuto y vuelva a intentarlo.' });
  });

  it('stores the password as a scrypt hash, never as typed', () => {
    const stored = app.db.$client.prepare('select password_hash from accounts').pluck().get() as string;
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored).not.toContain(organiserCredentials.password);
  });

  it('ends a session once its time is up', async () => {
    expect((await app.inject({ url: '/api/delegates', headers: organiser })).statusCode).toBe(200);
    app.db.$client.prepare('update account_sessions set expires_at = ?').run(new Date(Date.now() - 1000).toISOString());
    expect((await app.inject({ url: '/api/delegates', headers: organiser })).statusCode).toBe(401);
  });

  it('ends the session on sign-out', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout', headers: organiser })).statusCode).toBe(204);
    expect((await app.inject({ url: '/api/delegates', headers: organiser })).statusCode).toBe(401);
  });
});

describe('the delegate list for organisers', () => {
  it('filters by country, category, status and text, and pages', async () => {
    await register({ givenName: '민준', familyName: '김', country: 'KR', category: 'sme', organisation: 'Changwon Precision' });
    await register({ givenName: 'Priya', familyName: 'Sharma', country: 'IN', category: 'large-company', organisation: 'Tata Motors' });
    await register({ givenName: 'Wei', familyName: 'Zhang', country: 'CN', category: 'press' });
    const list = async (query: string) => (await app.inject({ url: `/api/delegates?${query}`, headers: organiser })).json();
    expect((await list('')).total).toBe(3);
    expect((await list('country=IN')).items.map((d: { familyName: string }) => d.familyName)).toEqual(['Sharma']);
    expect((await list('category=sme')).items[0].givenName).toBe('민준');
    expect((await list('status=pending')).items[0].familyName).toBe('Zhang');
    expect((await list('q=tata')).total).toBe(1);
    expect((await list('q=Priya%20Sharma')).total).toBe(1);
    expect((await list('q=Sharma%20Priya')).total).toBe(1);
    expect((await list('q=%25')).total).toBe(0);
    const page = await list('limit=2&offset=2');
    expect([page.total, page.items.length]).toEqual([3, 1]);
    const bad = await app.inject({ url: '/api/delegates?status=lost', headers: organiser });
    expect([bad.statusCode, bad.json().field]).toEqual([400, 'status']);
    const unknown = await app.inject({ url: '/api/delegates?colour=red', headers: organiser });
    expect([unknown.statusCode, unknown.json().field]).toEqual([400, 'colour']);
  });

  it('approves and declines pending delegates; a decline frees the place for the waiting list', async () => {
    app.db.$client.prepare("update delegate_categories set capacity = 1 where code = 'speaker'").run();
    const first = await register({ category: 'speaker' });
    const second = await register({ category: 'speaker' });
    expect([first.status, second.status]).toEqual(['pending', 'waitlisted']);
    const declined = await app.inject({ method: 'POST', url: `/api/delegates/${first.id}/decline`, headers: organiser });
    expect(declined.json().status).toBe('declined');
    expect((await app.inject({ url: `/api/delegates/${second.id}`, headers: organiser })).json().status).toBe('pending');
    const approved = await app.inject({ method: 'POST', url: `/api/delegates/${second.id}/approve`, headers: organiser });
    expect(approved.json().status).toBe('confirmed');
    const again = await app.inject({ method: 'POST', url: `/api/delegates/${second.id}/approve`, headers: organiser });
    expect([again.statusCode, again.json().field]).toEqual([409, 'status']);
    expect((await app.inject({ method: 'POST', url: '/api/delegates/9999/approve', headers: organiser })).statusCode).toBe(404);
  });

  it('takes an approval back within its first seconds: pending again, and the approval message withdrawn unsent', async () => {
    const pending = await register({ category: 'speaker' });
    const approve = () => app.inject({ method: 'POST', url: `/api/delegates/${pending.id}/approve`, headers: organiser });
    const undo = () => app.inject({ method: 'POST', url: `/api/delegates/${pending.id}/approve/undo`, headers: { ...organiser, 'accept-language': 'ko' } });
    const approvalMessages = () => app.db.$client.prepare("select status, next_attempt_at from outbox_messages where delegate_id = ? and kind = 'registration.approved'").all(pending.id) as { status: string; next_attempt_at: string }[];
    expect((await approve()).json().status).toBe('confirmed');
    // The message waits out the undo window before the sender may take it.
    const [held] = approvalMessages();
    expect(Date.parse(held!.next_attempt_at) - Date.now()).toBeGreaterThan(10_000);
    const undone = await undo();
    expect([undone.statusCode, undone.json().status]).toEqual([200, 'pending']);
    expect(approvalMessages()).toEqual([]);
    expect(app.db.$client.prepare("select action from audit_log where entity = 'delegate' and entity_id = ? order by id").pluck().all(pending.id)).toEqual(['delegate.register', 'delegate.approve', 'delegate.approveUndo']);
    // Nothing left to undo now; nor once the window has passed.
    const twice = await undo();
    expect([twice.statusCode, twice.json().field]).toEqual([409, 'status']);
    expect(twice.json().message).toContain('되돌릴 수 없습니다');
    await approve();
    app.db.$client.prepare("update audit_log set at = ? where entity = 'delegate' and entity_id = ? and action = 'delegate.approve'").run(new Date(Date.now() - 60_000).toISOString(), pending.id);
    expect((await undo()).statusCode).toBe(409);
    expect((await app.inject({ url: `/api/delegates/${pending.id}`, headers: organiser })).json().status).toBe('confirmed');
  });

  it('raising a capacity promotes waitlisted delegates in order; a bad capacity names the field', async () => {
    const set = (capacity: unknown) => app.inject({ method: 'PATCH', url: '/api/categories/government', headers: organiser, payload: { capacity } });
    await set(1);
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push((await register({ category: 'government' })).id);
    const raised = await set(3);
    expect(raised.json()).toMatchObject({ code: 'government', capacity: 3, promoted: 2 });
    const statuses = await Promise.all(ids.map(async (id) => (await app.inject({ url: `/api/delegates/${id}`, headers: organiser })).json().status));
    expect(statuses).toEqual(['confirmed', 'confirmed', 'confirmed', 'waitlisted']);
    expect((await set(null)).json().promoted).toBe(1);
    for (const bad of [-1, 'ten', 2.5]) {
      const response = await set(bad);
      expect([response.statusCode, response.json().field]).toEqual([400, 'capacity']);
    }
    expect((await app.inject({ method: 'PATCH', url: '/api/categories/astronaut', headers: organiser, payload: { capacity: 1 } })).statusCode).toBe(404);
  });

  it('closing registration refuses new delegates in their language and keeps those registered; reopening lets them in', async () => {
    const early = await register();
    const closed = await app.inject({ method: 'PATCH', url: '/api/congress', headers: organiser, payload: { registrationOpen: false } });
    expect(closed.json().registrationOpen).toBe(false);
    const refused = await app.inject({ method: 'POST', url: '/api/registrations', payload: aDelegate(), headers: { 'accept-language': 'zh-CN' } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ field: 'congress', message: '大会：大会注册已截止。' });
    expect((await app.inject({ url: `/api/delegates/${early.id}`, headers: organiser })).json().status).toBe('confirmed');
    expect((await app.inject('/api/congress')).json().registrationOpen).toBe(false);
    await app.inject({ method: 'PATCH', url: '/api/congress', headers: organiser, payload: { registrationOpen: true } });
    expect((await app.inject({ method: 'POST', url: '/api/registrations', payload: aDelegate() })).statusCode).toBe(201);
    const bad = await app.inject({ method: 'PATCH', url: '/api/congress', headers: organiser, payload: { registrationOpen: 'yes' } });
    expect([bad.statusCode, bad.json().field]).toEqual([400, 'registrationOpen']);
  });

  it('counts by status, category against capacity, and country', async () => {
    await register({ country: 'KR', category: 'sme' });
    await register({ country: 'KR', category: 'press' });
    await register({ country: 'IN', category: 'sme' });
    const counts = (await app.inject({ url: '/api/delegates/counts', headers: organiser })).json();
    expect(counts.total).toBe(3);
    expect(counts.byStatus).toEqual({ confirmed: 2, pending: 1 });
    expect(counts.byCountry).toEqual([{ country: 'KR', count: 2 }, { country: 'IN', count: 1 }]);
    expect(counts.byCategory.find((c: { code: string }) => c.code === 'sme')).toMatchObject({ confirmed: 2, pending: 0, capacity: 200 });
  });

  it('exports the filtered list as CSV with a byte-order mark and neutralised formulas', async () => {
    await register({ givenName: '=HYPERLINK("http://evil")', familyName: '김', country: 'KR' });
    await register({ givenName: 'Someone', familyName: 'Else', country: 'JP' });
    const response = await app.inject({ url: '/api/delegates.csv?country=KR&lang=ko', headers: organiser });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('attachment');
    const body = response.rawPayload.toString('utf8');
    expect(body.charCodeAt(0)).toBe(0xfeff);
    const lines = body.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines[1]).toContain('대한민국');
    // Values a person reads are in the reader's language: spoken languages by name, the status as a word.
    expect(lines[1]).toContain(',"한국어, 영어",');
    expect(lines[1]).toMatch(/,확정,|,승인 대기,/);
  });
});
