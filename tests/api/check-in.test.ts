import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema/index.ts';
import { badgeCode, badgeSecret } from '../../server/check-in/badge-token.ts';
import type { CheckInCounts, CheckInResult } from '../../shared/check-in-schema.ts';
import { connectLive } from '../support/live-client.ts';
import { pdfPages } from '../support/pdf-text.ts';
import { registerDelegate, signInAccount, useTestApp, demoCongressId } from '../support/test-app.ts';

const ctx = useTestApp();

/** The check-in lines of the audit history. */
const checkInHistory = () =>
  ctx.app.db
    .select({ actorType: auditLog.actorType, actorId: auditLog.actorId, entity: auditLog.entity, entityId: auditLog.entityId, data: auditLog.data })
    .from(auditLog)
    .where(eq(auditLog.action, 'delegate.check-in'))
    .all();
const codeOf = (delegateId: number) => badgeCode(badgeSecret(ctx.app.db, demoCongressId(ctx.app)), delegateId);

describe('badges and check-in', () => {
  it('prints a badge per confirmed delegate of a category, name in their own script, with the country and category', async () => {
    const kim = await registerDelegate(ctx.app, { givenName: '민준', familyName: '김', latinName: 'Minjun KIM', country: 'KR', category: 'sme', organisation: 'Changwon Precision' });
    await registerDelegate(ctx.app, { givenName: 'Priya', familyName: 'Sharma', latinName: 'Priya Sharma', country: 'IN', category: 'sme' });
    await registerDelegate(ctx.app, { givenName: 'Other', familyName: 'Category', country: 'IN', category: 'university' });
    const pdf = await ctx.app.inject({ url: '/api/badges.pdf?category=sme&lang=ko', headers: ctx.organiser });
    expect([pdf.statusCode, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    const pages = await pdfPages(pdf.rawPayload);
    expect(pages).toHaveLength(2);
    expect(pages.find((page) => page.includes('김민준'))).toMatch(/중소기업[\s\S]*김민준[\s\S]*Minjun KIM[\s\S]*Changwon Precision[\s\S]*대한민국 \(KR\)/);
    // A name already in Latin letters is printed once.
    expect(pages.find((page) => page.includes('Priya Sharma'))?.match(/Priya/g)).toHaveLength(1);
    const staff = await signInAccount(ctx.app, 'desk');
    const reprint = await ctx.app.inject({ url: `/api/badges.pdf?delegate=${kim.id}`, headers: staff });
    expect(await pdfPages(reprint.rawPayload)).toEqual([expect.stringContaining('김민준')]);
    const own = await ctx.app.inject({ url: '/api/me/badge.pdf', headers: kim.headers });
    expect((await pdfPages(own.rawPayload)).join(' ')).toContain('김민준');
    expect((await ctx.app.inject({ url: '/api/badges.pdf?country=ZZ', headers: ctx.organiser })).statusCode).toBe(404);
    const nobody = await ctx.app.inject({ url: '/api/badges.pdf?delegate=999999', headers: staff });
    expect([nobody.statusCode, nobody.json().field]).toEqual([404, 'delegate']);
  });

  it('checks a delegate in once: a second scan says when and where, a forged or cancelled badge is refused in the desk’s language', async () => {
    const staff = await signInAccount(ctx.app, 'desk');
    const delegate = await registerDelegate(ctx.app, { givenName: 'Christian', familyName: 'Ketels', country: 'US' });
    const scan = (code: string, desk: string, language = 'en') => ctx.app.inject({ method: 'POST', url: '/api/check-ins', headers: { ...staff, 'accept-language': language }, payload: { badgeCode: code, desk } });
    const first = (await scan(codeOf(delegate.id), 'desk 1')).json() as CheckInResult;
    expect(first).toMatchObject({ status: 'checked-in', desk: 'desk 1', delegate: { id: delegate.id, name: 'Christian Ketels', latinName: null, country: 'US' } });
    const second = (await scan(codeOf(delegate.id), 'desk 2')).json() as CheckInResult;
    expect(second).toEqual({ ...first, status: 'already' });

    const forged = codeOf(delegate.id).replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
    const refused = await scan(forged, 'desk 1', 'ko');
    expect([refused.statusCode, refused.json()]).toEqual([422, { field: 'badgeCode', message: '명찰 코드: 총회에서 발급한 명찰이 아닙니다.' }]);
    expect((await scan(`TCI1.${delegate.id + 1}.${codeOf(delegate.id).split('.')[2]}`, 'desk 1')).statusCode).toBe(422);
    expect((await scan('hello', 'desk 1')).statusCode).toBe(422);

    const leaving = await registerDelegate(ctx.app);
    await ctx.app.inject({ method: 'DELETE', url: '/api/me', headers: leaving.headers });
    const cancelled = await scan(codeOf(leaving.id), 'desk 1', 'ja');
    expect([cancelled.statusCode, cancelled.json().message]).toEqual([409, '名札コード：この名札の登録は取り消されています。']);
    // A declined registration's badge (printed while it was pending) does not open the door either.
    const refusedPress = await registerDelegate(ctx.app, { category: 'press' });
    await ctx.app.inject({ method: 'POST', url: `/api/delegates/${refusedPress.id}/decline`, headers: ctx.organiser });
    expect((await scan(codeOf(refusedPress.id), 'desk 1')).statusCode).toBe(409);
    // Another real delegate's id with this one's signature is no badge: the signature is tied to the id.
    const other = await registerDelegate(ctx.app);
    expect((await scan(`TCI1.${other.id}.${codeOf(delegate.id).split('.')[2]}`, 'desk 1')).statusCode).toBe(422);
    const counts = (await ctx.app.inject({ url: '/api/check-ins/counts', headers: staff })).json() as CheckInCounts;
    const confirmed = ctx.app.db.$client.prepare("select count(*) from delegates where status = 'confirmed'").pluck().get();
    expect(counts).toEqual({ checkedIn: 1, expected: confirmed, byDesk: [{ desk: 'desk 1', count: 1 }] });
    // One arrival, one line in the history: the second scan and the refusals wrote none.
    const staffId = ctx.app.db.$client.prepare("select id from accounts where email like 'desk.%'").pluck().get();
    expect(checkInHistory()).toEqual([{ actorType: 'account', actorId: staffId, entity: 'delegate', entityId: delegate.id, data: { desk: 'desk 1', by: 'badge' } }]);
  });

  it('gives a confirmed delegate their own check-in code, which the door accepts, and says when they came in; others are refused', async () => {
    const delegate = await registerDelegate(ctx.app, { country: 'VN' });
    const mine = (await ctx.app.inject({ url: '/api/me/badge', headers: delegate.headers })).json();
    expect(mine).toEqual({ badgeCode: codeOf(delegate.id), checkedInAt: null });
    const scan = await ctx.app.inject({ method: 'POST', url: '/api/check-ins', headers: ctx.organiser, payload: { badgeCode: mine.badgeCode, desk: 'desk 3' } });
    expect(scan.json()).toMatchObject({ status: 'checked-in', delegate: { id: delegate.id } });
    expect((await ctx.app.inject({ url: '/api/me/badge', headers: delegate.headers })).json().checkedInAt).toBe(scan.json().checkedInAt);

    const pending = await registerDelegate(ctx.app, { category: 'press' });
    const refused = await ctx.app.inject({ url: '/api/me/badge', headers: { ...pending.headers, 'accept-language': 'vi' } });
    expect([refused.statusCode, refused.json().field]).toEqual([409, 'status']);
  });

  it('finds a delegate without a badge by name, in their script or Latin letters, and checks them in once by hand', async () => {
    const staff = await signInAccount(ctx.app, 'desk');
    const kim = await registerDelegate(ctx.app, { givenName: '민준', familyName: '김', latinName: 'Minjun KIM', country: 'KR', organisation: 'Gumi Electronics' });
    await registerDelegate(ctx.app, { givenName: 'Christian', familyName: 'Ketels', country: 'US' });
    const search = async (q: string, language = 'en') => ctx.app.inject({ url: `/api/check-ins/search?q=${encodeURIComponent(q)}`, headers: { ...staff, 'accept-language': language } });
    for (const q of ['minjun kim', '김민준', '민준', 'gumi']) expect((await search(q)).json().map((found: { id: number }) => found.id), q).toEqual([kim.id]);
    expect((await search('minjun')).json()[0]).toEqual({ id: kim.id, name: '김민준', latinName: 'Minjun KIM', organisation: 'Gumi Electronics', country: 'KR', category: 'university', status: 'confirmed', checkedInAt: null });
    const tooShort = await search('k', 'ko');
    expect([tooShort.statusCode, tooShort.json().field]).toEqual([400, 'q']);
    expect(tooShort.json().message).toBe('이름, 이메일 또는 소속: 2자 이상 입력하세요.');

    const byName = (delegate: number, language = 'en') =>
      ctx.app.inject({ method: 'POST', url: '/api/check-ins/by-name', headers: { ...staff, 'accept-language': language }, payload: { delegate, desk: 'help desk' } });
    const first = (await byName(kim.id)).json() as CheckInResult;
    expect(first).toMatchObject({ status: 'checked-in', desk: 'help desk', delegate: { id: kim.id, name: '김민준' } });
    expect((await byName(kim.id)).json()).toMatchObject({ status: 'already', checkedInAt: first.checkedInAt });
    expect(checkInHistory().filter((row) => row.entityId === kim.id)).toEqual([expect.objectContaining({ actorType: 'account', data: { desk: 'help desk', by: 'name' } })]);
    // The badge scanned afterwards hears the same: one arrival.
    const scanned = await ctx.app.inject({ method: 'POST', url: '/api/check-ins', headers: staff, payload: { badgeCode: codeOf(kim.id), desk: 'desk 1' } });
    expect(scanned.json()).toMatchObject({ status: 'already', desk: 'help desk' });
    expect((await search('minjun')).json()[0].checkedInAt).toBe(first.checkedInAt);
    const unknown = await byName(999_999, 'fr');
    expect([unknown.statusCode, unknown.json().field]).toEqual([404, 'delegate']);
    const leaving = await registerDelegate(ctx.app);
    await ctx.app.inject({ method: 'DELETE', url: '/api/me', headers: leaving.headers });
    expect((await byName(leaving.id)).statusCode).toBe(409);
  });

  it('sends the new counts live to the organisers’ screens', async () => {
    const delegate = await registerDelegate(ctx.app);
    const baseUrl = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const live = await connectLive(baseUrl, ctx.organiser);
    live.send({ type: 'subscribe', topics: ['check-in'] });
    await live.next((m) => m.type === 'subscribed');
    await ctx.app.inject({ method: 'POST', url: '/api/check-ins', headers: ctx.organiser, payload: { badgeCode: codeOf(delegate.id), desk: 'A' } });
    const event = (await live.next((m) => m.type === 'event', 1000)).event as CheckInCounts;
    expect(event.checkedIn).toBe(1);
    live.close();
  });
});
