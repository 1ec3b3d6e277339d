import { describe, expect, it } from 'vitest';
import type { MyAgenda } from '../../shared/programme-schema.ts';
import { parseFeed } from '../support/ics.ts';
import { connectLive } from '../support/live-client.ts';
import { publishConsultationPlan, registerDelegate, useTestApp } from '../support/test-app.ts';

const ctx = useTestApp();

const agenda = async (headers: Record<string, string>, language = 'en') => (await ctx.app.inject({ url: '/api/me/agenda', headers: { ...headers, 'accept-language': language } })).json() as MyAgenda;
const add = (headers: Record<string, string>, code: string) => ctx.app.inject({ method: 'PUT', url: `/api/me/agenda/${code}`, headers });
const createSession = (payload: object) => ctx.app.inject({ method: 'POST', url: '/api/programme/sessions', headers: ctx.organiser, payload });
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

  it('gives places to confirmed delegates only: a pending one waits in line until approved, a waitlisted one is refused, a cancelled one leaves', async () => {
    await ctx.app.inject({ method: 'PATCH', url: '/api/programme/sessions/night-tour', headers: ctx.organiser, payload: { capacity: 2 } });
    const statusOf = async (headers: Record<string, string>) => (await agenda(headers)).entries.find((entry) => entry.session.code === 'night-tour')?.status;
    // The press category needs approval: its delegates are pending.
    const pending = await registerDelegate(ctx.app, { category: 'press' });
    expect(pending.status).toBe('pending');
    expect((await add(pending.headers, 'night-tour')).json()).toEqual({ status: 'waitlisted' });
    const confirmed = await registerDelegate(ctx.app);
    expect((await add(confirmed.headers, 'night-tour')).json()).toEqual({ status: 'going' });
    // Approved, the pending delegate takes the place still free; taken back, the place returns to the line.
    await ctx.app.inject({ method: 'POST', url: `/api/delegates/${pending.id}/approve`, headers: ctx.organiser });
    expect(await statusOf(pending.headers)).toBe('going');
    await ctx.app.inject({ method: 'POST', url: `/api/delegates/${pending.id}/approve/undo`, headers: ctx.organiser });
    expect(await statusOf(pending.headers)).toBe('waitlisted');
    await ctx.app.inject({ method: 'POST', url: `/api/delegates/${pending.id}/approve`, headers: ctx.organiser });
    expect(await statusOf(pending.headers)).toBe('going');

    // On the registration waiting list: refused, naming why, in the delegate's language.
    ctx.app.db.$client.prepare("update delegate_categories set capacity = 0 where code = 'government'").run();
    const waiting = await registerDelegate(ctx.app, { category: 'government' });
    expect(waiting.status).toBe('waitlisted');
    const refused = await ctx.app.inject({ method: 'PUT', url: '/api/me/agenda/night-tour', headers: { ...waiting.headers, 'accept-language': 'en' } });
    expect([refused.statusCode, refused.json()]).toEqual([409, { field: 'status', message: 'Status: places go to confirmed registrations only; yours is on the waiting list.' }]);
    // A session without a limit stays open to them.
    expect((await add(waiting.headers, 'keynote-1')).statusCode).toBe(200);

    // Cancelling frees the place for the first confirmed delegate in line, passing over a pending one.
    const pendingLater = await registerDelegate(ctx.app, { category: 'press' });
    const confirmedLater = await registerDelegate(ctx.app);
    await add(pendingLater.headers, 'night-tour');
    await add(confirmedLater.headers, 'night-tour');
    expect(await statusOf(confirmedLater.headers)).toBe('waitlisted');
    expect((await ctx.app.inject({ method: 'DELETE', url: '/api/me', headers: confirmed.headers })).statusCode).toBe(200);
    expect(await statusOf(confirmedLater.headers)).toBe('going');
    expect(await statusOf(pendingLater.headers)).toBe('waitlisted');
    const cancelled = await ctx.app.inject({ method: 'PUT', url: '/api/me/agenda/night-tour', headers: confirmed.headers });
    expect([cancelled.statusCode, cancelled.json().field]).toEqual([409, 'status']);
  });

  it('tells a pending delegate live, on their own topic, when their approval gives them a place they waited for', async () => {
    await ctx.app.inject({ method: 'PATCH', url: '/api/programme/sessions/night-tour', headers: ctx.organiser, payload: { capacity: 1 } });
    const pending = await registerDelegate(ctx.app, { category: 'press' });
    expect((await add(pending.headers, 'night-tour')).json()).toEqual({ status: 'waitlisted' });
    const baseUrl = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const live = await connectLive(baseUrl, pending.headers);
    live.send({ type: 'subscribe', topics: [`delegate:${pending.id}`] });
    await live.next((m) => m.type === 'subscribed');
    await ctx.app.inject({ method: 'POST', url: `/api/delegates/${pending.id}/approve`, headers: ctx.organiser });
    const news = await live.next((m) => m.type === 'event' && (m.event as { type: string }).type === 'agenda.changed', 1000);
    expect(news).toEqual({ type: 'event', topic: `delegate:${pending.id}`, event: { type: 'agenda.changed', session: 'night-tour', change: 'place' } });
    live.close();
  });

  it('tells the first waiting, live and within a second, when a place frees; more places go to the waiting list in order, fewer than taken are refused', async () => {
    const setPlaces = (capacity: number | null, language = 'en') =>
      ctx.app.inject({ method: 'PATCH', url: '/api/programme/sessions/night-tour', headers: { ...ctx.organiser, 'accept-language': language }, payload: { capacity } });
    await setPlaces(1);
    const [holder, first, second, third] = await Promise.all([1, 2, 3, 4].map(() => registerDelegate(ctx.app)));
    for (const delegate of [holder!, first!, second!, third!]) await add(delegate.headers, 'night-tour');
    const baseUrl = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const live = await connectLive(baseUrl, first!.headers);
    live.send({ type: 'subscribe', topics: [(await agenda(first!.headers)).liveTopic] });
    await live.next((m) => m.type === 'subscribed');
    const started = Date.now();
    await remove(holder!.headers, 'night-tour');
    const news = await live.next((m) => m.type === 'event', 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(news).toMatchObject({ topic: `delegate:${first!.id}`, event: { type: 'agenda.changed', session: 'night-tour' } });
    live.close();

    expect((await setPlaces(2)).statusCode).toBe(200);
    expect((await agenda(second!.headers)).entries[0]!.status).toBe('going');
    expect((await agenda(third!.headers)).entries[0]!.status).toBe('waitlisted');
    const refused = await setPlaces(1, 'ko');
    expect([refused.statusCode, refused.json()]).toEqual([409, { field: 'capacity', message: '정원: 이미 2명이 자리를 받았습니다. 최소한 그만큼의 정원을 두세요.' }]);
    // No limit at all: everyone waiting gets a place.
    expect((await setPlaces(null)).statusCode).toBe(200);
    expect((await agenda(third!.headers)).entries[0]!.status).toBe('going');
  });

  it('a session called off stays on agendas marked, is told live, leaves clashes, shows as cancelled in feeds, and frees its room until called on again', async () => {
    const patch = (code: string, payload: object, language = 'en') =>
      ctx.app.inject({ method: 'PATCH', url: `/api/programme/sessions/${code}`, headers: { ...ctx.organiser, 'accept-language': language }, payload });
    const delegate = await registerDelegate(ctx.app, { languages: ['en'] });
    for (const code of ['keynote-1', 'export-consultation']) await add(delegate.headers, code);
    const before = await agenda(delegate.headers);
    expect(before.entries.find((entry) => entry.session.code === 'keynote-1')!.clashes.map((clash) => clash.code)).toEqual(['export-consultation']);
    const baseUrl = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const live = await connectLive(baseUrl, delegate.headers);
    live.send({ type: 'subscribe', topics: [before.liveTopic] });
    await live.next((m) => m.type === 'subscribed');

    expect((await patch('export-consultation', { cancelled: true })).json()).toMatchObject({ cancelled: true, sequence: 1 });
    const news = await live.next((m) => m.type === 'event', 1000);
    expect(news.event).toEqual({ type: 'agenda.changed', session: 'export-consultation', change: 'cancelled' });
    live.close();
    const after = await agenda(delegate.headers);
    expect(after.entries.map((entry) => [entry.session.code, entry.session.cancelled])).toEqual([['export-consultation', true], ['keynote-1', false]]);
    expect(after.entries.find((entry) => entry.session.code === 'keynote-1')!.clashes).toEqual([]);
    const latecomer = await registerDelegate(ctx.app);
    const refused = await ctx.app.inject({ method: 'PUT', url: '/api/me/agenda/export-consultation', headers: { ...latecomer.headers, 'accept-language': 'ja' } });
    expect([refused.statusCode, refused.json()]).toEqual([409, { field: 'session', message: 'セッション：このセッションは中止されました。' }]);
    const feedUrl = (await ctx.app.inject({ url: '/api/me', headers: delegate.headers })).json().calendarUrl as string;
    const events = parseFeed((await ctx.app.inject({ url: feedUrl })).body);
    expect(events.find((event) => event.uid.startsWith('session-export-consultation@'))).toMatchObject({ status: 'CANCELLED', sequence: 1 });
    expect(events.find((event) => event.uid.startsWith('session-keynote-1@'))).toMatchObject({ status: 'CONFIRMED' });

    // The hall is free while the consultation is off; calling it on again finds the hall taken.
    const fair = await createSession({ code: 'job-fair', kind: 'side-event', title: { en: 'Job fair' }, startsAt: '2015-11-04T13:00:00+09:00', endsAt: '2015-11-04T15:00:00+09:00', room: 'hall-2' });
    expect(fair.statusCode).toBe(201);
    const clash = await patch('export-consultation', { cancelled: false }, 'ko');
    expect([clash.statusCode, clash.json().field, clash.json().message]).toEqual([409, 'room', '장소: 그 시간에 이 장소는 “Job fair”에 배정되어 있습니다.']);
    expect((await patch('job-fair', { cancelled: true })).statusCode).toBe(200);
    expect((await patch('export-consultation', { cancelled: false })).json()).toMatchObject({ cancelled: false });
  });

  it('shows the published tour bus as a clash for a session on the tour day', async () => {
    const delegate = await registerDelegate(ctx.app, { languages: ['en'] });
    await ctx.app.inject({ method: 'PUT', url: '/api/me/tours/choices', headers: delegate.headers, payload: { tours: ['changwon'] } });
    await ctx.app.inject({ method: 'POST', url: '/api/tours/assignment/run', headers: ctx.organiser, payload: {} });
    await ctx.app.inject({ method: 'POST', url: '/api/tours/assignment/publish', headers: ctx.organiser, payload: {} });
    const created = await createSession({ code: 'welcome-reception', kind: 'side-event', title: { en: 'Welcome reception' }, startsAt: '2015-11-03T17:30:00+09:00', endsAt: '2015-11-03T19:00:00+09:00', room: 'hall-1' });
    expect(created.statusCode).toBe(201);
    await add(delegate.headers, 'welcome-reception');
    const mine = await agenda(delegate.headers);
    const tour = mine.commitments.find((c) => c.kind === 'tour');
    expect(tour).toMatchObject({ startsAt: '2015-11-03T07:30:00+09:00', endsAt: '2015-11-03T18:30:00+09:00', location: 'EXCO west hall main entrance, bus bay 1' });
    expect(mine.entries[0]!.clashes).toEqual([tour]);
  });
});
