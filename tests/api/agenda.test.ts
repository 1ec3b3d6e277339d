import { describe, expect, it } from 'vitest';
import type { MyAgenda } from '../../shared/programme-schema.ts';
import { publishConsultationPlan, registerDelegate, useTestApp } from '../support/test-app.ts';

const ctx = useTestApp();

const agenda = async (headers: Record<string, string>, language = 'en') => (await ctx.app.inject({ url: '/api/me/agenda', headers: { ...headers, 'accept-language': language } })).json() as MyAgenda;
const add = (headers: Record<string, string>, code: string) => ctx.app.inject({ method: 'PUT', url: `/api/me/agenda/${code}`, headers });
const remove = (headers: Record<string, string>, code: string) => ctx.app.inject({ method: 'DELETE', url: `/api/me/agenda/${code}`, headers });

describe('a delegate’s agenda', () => {
  it('adds and removes sessions and shows what clashes: other sessions and consultation meetings', async () => {
    const buyer = await registerDelegate(ctx.app, { languages: ['en'] });
    await ctx.app.inject({ method: 'PUT', url: '/api/consultations/participants/B01/delegate', headers: ctx.organiser, payload: { delegate: buyer.id } });
    await ctx.app.inject({ method: 'POST', url: '/api/consultations/plan/run', headers: ctx.organiser, payload: { seconds: 0.3 } });
    await publishConsultationPlan(ctx.app, ctx.organiser);

    for (const code of ['keynote-1', 'export-consultation', 'keynote-3']) expect((await add(buyer.headers, code)).json()).toEqual({ status: 'going' });
    expect((await add(buyer.headers, 'keynote-1')).json()).toEqual({ status: 'going' });
    const mine = await agenda(buyer.headers);
    expect(mine.entries.map((entry) => entry.session.code)).toEqual(['export-consultation', 'keynote-1', 'keynote-3']);
    const keynote = mine.entries.find((entry) => entry.session.code === 'keynote-1')!;
    expect(keynote.clashes.map((clash) => clash.kind)).toContain('session');
    // B01 meets suppliers all day on 4 November: the keynote at 10:30 clashes with one of the meetings.
    const meetingClash = keynote.clashes.find((clash) => clash.kind === 'meeting');
    expect(meetingClash?.title).toMatch(/^Export consultation: /);
    expect(mine.entries.find((entry) => entry.session.code === 'keynote-3')!.clashes).toEqual([]);
    expect(mine.commitments.filter((c) => c.kind === 'meeting').length).toBeGreaterThan(3);

    expect((await remove(buyer.headers, 'export-consultation')).statusCode).toBe(204);
    expect((await agenda(buyer.headers)).entries.map((entry) => entry.session.code)).toEqual(['keynote-1', 'keynote-3']);
    const unknown = await add(buyer.headers, 'no-such-session');
    expect([unknown.statusCode, unknown.json().field]).toEqual([404, 'session']);
  });

  it('gives a side event’s places in order, then a waiting list; a place given up goes to the first waiting', async () => {
    await ctx.app.inject({ method: 'PATCH', url: '/api/programme/sessions/night-tour', headers: ctx.organiser, payload: { capacity: 2 } });
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => registerDelegate(ctx.app)));
    expect((await add(a!.headers, 'night-tour')).json().status).toBe('going');
    expect((await add(b!.headers, 'night-tour')).json().status).toBe('going');
    expect((await add(c!.headers, 'night-tour')).json().status).toBe('waitlisted');
    const programme = (await ctx.app.inject({ url: '/api/programme' })).json() as { sessions: { code: string; taken: number; capacity: number }[] };
    expect(programme.sessions.find((s) => s.code === 'night-tour')).toMatchObject({ taken: 2, capacity: 2 });
    await remove(a!.headers, 'night-tour');
    expect((await agenda(c!.headers)).entries[0]!.status).toBe('going');
  });

  it('shows the published tour bus as a clash for a session on the tour day', async () => {
    const delegate = await registerDelegate(ctx.app, { languages: ['en'] });
    await ctx.app.inject({ method: 'PUT', url: '/api/me/tours/choices', headers: delegate.headers, payload: { tours: ['changwon'] } });
    await ctx.app.inject({ method: 'POST', url: '/api/tours/assignment/run', headers: ctx.organiser, payload: {} });
    await ctx.app.inject({ method: 'POST', url: '/api/tours/assignment/publish', headers: ctx.organiser, payload: {} });
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/programme/sessions',
      headers: ctx.organiser,
      payload: { code: 'welcome-reception', kind: 'side-event', titleEn: 'Welcome reception', startsAt: '2015-11-03T17:30:00+09:00', endsAt: '2015-11-03T19:00:00+09:00', room: 'hall-1' },
    });
    expect(created.statusCode).toBe(201);
    await add(delegate.headers, 'welcome-reception');
    const mine = await agenda(delegate.headers);
    const tour = mine.commitments.find((c) => c.kind === 'tour');
    expect(tour).toMatchObject({ startsAt: '2015-11-03T07:30:00+09:00', endsAt: '2015-11-03T18:30:00+09:00', location: 'EXCO west hall main entrance, bus bay 1' });
    expect(mine.entries[0]!.clashes).toEqual([tour]);
  });
});
