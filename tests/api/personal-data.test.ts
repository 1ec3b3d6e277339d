import { describe, expect, it } from 'vitest';
import type { PersonalDataExport } from '../../shared/personal-data-schema.ts';
import { eraseExpiredPersonalData } from '../../server/registration/retention.ts';
import { registerDelegate, useTestApp } from '../support/test-app.ts';

const ctx = useTestApp();

describe('a delegate’s personal data', () => {
  it('gives the delegate everything stored about them as JSON', async () => {
    const delegate = await registerDelegate(ctx.app, { givenName: 'Lan', familyName: 'Tran', email: 'lan.tran@example.vn', country: 'VN', languages: ['vi', 'en'], dietary: 'Vegetarian' }, 'vi');
    await ctx.app.inject({ method: 'PUT', url: '/api/me/tours/choices', headers: delegate.headers, payload: { tours: ['gumi', 'ulsan'] } });
    await ctx.app.inject({ method: 'PUT', url: '/api/me/agenda/night-tour', headers: delegate.headers });
    await ctx.app.inject({ method: 'PUT', url: '/api/consultations/participants/S12/delegate', headers: ctx.organiser, payload: { delegate: delegate.id } });

    const answer = await ctx.app.inject({ url: '/api/me/export', headers: delegate.headers });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-disposition']).toBe('attachment; filename="my-data-tci-2015-daegu.json"');
    const data = answer.json() as PersonalDataExport;
    expect(data.registration).toMatchObject({ id: delegate.id, givenName: 'Lan', familyName: 'Tran', email: 'lan.tran@example.vn', country: 'VN', dietary: 'Vegetarian', category: 'university', uiLanguage: 'vi' });
    expect(data.registration).not.toHaveProperty('tokenHash');
    expect(data.tourChoices.map((choice) => choice.tour)).toEqual(['gumi', 'ulsan']);
    expect(data.agenda).toEqual([{ session: 'night-tour', status: 'going', addedAt: expect.any(String) }]);
    expect(data.speaksFor).toMatchObject({ code: 'S12' });
    expect(data.messages).toEqual([{ kind: `registration.${delegate.status}`, to: 'lan.tran@example.vn', subject: expect.any(String), status: 'queued', createdAt: expect.any(String), sentAt: null }]);
    expect(data.history.map((entry) => entry.action)).toContain('delegate.register');
    expect((await ctx.app.inject({ url: '/api/me/export' })).statusCode).toBe(401);
  });

  it('erases the registration at the delegate’s request: the place goes on, the link and calendar stop, the data is gone, the counts stay', async () => {
    ctx.app.db.$client.prepare("update delegate_categories set capacity = (select count(*) from delegates d where d.category_id = delegate_categories.id and d.status in ('confirmed', 'pending')) + 1 where code = 'sme'").run();
    const leaving = await registerDelegate(ctx.app, { givenName: 'Erika', familyName: 'Mustermann', email: 'erika@example.de', country: 'DE', category: 'sme', phone: '+49 30 1234567' });
    const waiting = await registerDelegate(ctx.app, { email: 'waiting@example.org', category: 'sme' });
    expect([leaving.status, waiting.status]).toEqual(['confirmed', 'waitlisted']);
    await ctx.app.inject({ method: 'PUT', url: '/api/me/agenda/night-tour', headers: leaving.headers });
    const calendar = (await ctx.app.inject({ url: '/api/me', headers: leaving.headers })).json().calendarUrl as string;
    expect((await ctx.app.inject({ url: calendar })).statusCode).toBe(200);
    const countsBefore = (await ctx.app.inject({ url: '/api/delegates/counts', headers: ctx.organiser })).json();

    const erased = await ctx.app.inject({ method: 'DELETE', url: '/api/me?erase=true', headers: leaving.headers });
    expect(erased.statusCode).toBe(204);
    // Their place went to the next in line, as a cancellation's would.
    expect((await ctx.app.inject({ url: '/api/me', headers: waiting.headers })).json().status).toBe('confirmed');
    // Their link, calendar and everything they wrote are gone.
    expect((await ctx.app.inject({ url: '/api/me', headers: leaving.headers })).statusCode).toBe(401);
    expect((await ctx.app.inject({ url: calendar })).statusCode).toBe(404);
    const row = ctx.app.db.$client.prepare('select given_name, family_name, email, phone, country, status, erased_at from delegates where id = ?').get(leaving.id) as Record<string, unknown>;
    expect(row).toEqual({ given_name: '', family_name: '', email: `erased-${leaving.id}@erased.invalid`, phone: null, country: 'DE', status: 'cancelled', erased_at: expect.any(String) });
    const stored = JSON.stringify(ctx.app.db.$client.prepare('select * from outbox_messages').all()) + JSON.stringify(ctx.app.db.$client.prepare('select * from audit_log').all());
    expect(stored).not.toContain('erika@example.de');
    expect(stored).not.toContain('Mustermann');
    expect(ctx.app.db.$client.prepare("select count(*) from agenda_entries where delegate_id = ?").pluck().get(leaving.id)).toBe(0);
    const audit = ctx.app.db.$client.prepare("select action, data from audit_log where entity = 'delegate' and entity_id = ? order by id desc limit 1").get(leaving.id);
    expect(audit).toEqual({ action: 'delegate.erase', data: null });
    // Still counted, as the cancellation it is: one more cancelled, one more confirmed from the waiting list.
    const countsAfter = (await ctx.app.inject({ url: '/api/delegates/counts', headers: ctx.organiser })).json();
    expect(countsAfter.total).toBe(countsBefore.total);
    expect([countsAfter.byStatus.cancelled ?? 0, countsAfter.byStatus.confirmed, countsAfter.byStatus.waitlisted ?? 0]).toEqual([
      (countsBefore.byStatus.cancelled ?? 0) + 1,
      countsBefore.byStatus.confirmed,
      (countsBefore.byStatus.waitlisted ?? 0) - 1,
    ]);
  });

  it('refuses an erasure that is not asked for plainly, and keeps a plain DELETE a cancellation', async () => {
    const delegate = await registerDelegate(ctx.app, { email: 'plain@example.org' });
    const unclear = await ctx.app.inject({ method: 'DELETE', url: '/api/me?erase=perhaps', headers: delegate.headers });
    expect([unclear.statusCode, unclear.json().field]).toEqual([400, 'erase']);
    const cancelled = await ctx.app.inject({ method: 'DELETE', url: '/api/me', headers: delegate.headers });
    expect([cancelled.statusCode, cancelled.json().status, cancelled.json().email]).toEqual([200, 'cancelled', 'plain@example.org']);
  });

  it('erases every delegate’s personal data once the edition’s retention has ended, keeping every count', async () => {
    const early = await ctx.app.inject({ method: 'PATCH', url: '/api/congress', headers: { ...ctx.organiser, 'accept-language': 'ko' }, payload: { personalDataUntil: '2015-11-05' } });
    expect([early.statusCode, early.json().field]).toEqual([422, 'personalDataUntil']);
    expect(early.json().message).toContain('2015년 11월 6일');
    const set = await ctx.app.inject({ method: 'PATCH', url: '/api/congress', headers: ctx.organiser, payload: { personalDataUntil: '2015-12-31' } });
    expect([set.statusCode, set.json().personalDataUntil]).toEqual([200, '2015-12-31']);
    const kept = await registerDelegate(ctx.app, { givenName: 'Kim', email: 'kept.until@example.kr' });
    const counts = async () => (await ctx.app.inject({ url: '/api/delegates/counts', headers: ctx.organiser })).json();
    const report = async () => (await ctx.app.inject({ url: '/api/consultations/report', headers: ctx.organiser })).json();
    const [countsBefore, reportBefore] = [await counts(), await report()];
    const people = ctx.app.db.$client.prepare('select count(*) from delegates where congress_id = (select id from congresses where slug = ?)').pluck().get('tci-2015-daegu') as number;

    // Until the last day of retention ends on Seoul's calendar, nothing goes.
    expect(eraseExpiredPersonalData(ctx.app.db, ctx.app.registrationsOf, new Date('2015-12-31T23:59:00+09:00'))).toBe(0);
    expect(eraseExpiredPersonalData(ctx.app.db, ctx.app.registrationsOf, new Date('2016-01-01T00:00:00+09:00'), 50)).toBe(people);
    expect(ctx.app.db.$client.prepare("select count(*) from delegates where given_name <> '' or email not like 'erased-%'").pluck().get()).toBe(0);
    expect((await ctx.app.inject({ url: '/api/me', headers: kept.headers })).statusCode).toBe(401);
    expect(await counts()).toEqual(countsBefore);
    expect(await report()).toEqual(reportBefore);
    expect(ctx.app.db.$client.prepare("select count(*) from audit_log where action = 'delegate.erase' and actor_type = 'system' and data is null").pluck().get()).toBe(people);
    // Once is enough: a second pass finds nobody.
    expect(eraseExpiredPersonalData(ctx.app.db, ctx.app.registrationsOf, new Date('2016-02-01T00:00:00+09:00'))).toBe(0);
  });
});
