import { describe, expect, it } from 'vitest';
import { parseFeed } from '../support/ics.ts';
import { registerDelegate, useTestApp } from '../support/test-app.ts';

const ctx = useTestApp();
const feed = async (url: string) => {
  const answer = await ctx.app.inject({ url });
  expect([answer.statusCode, answer.headers['content-type']], url).toEqual([200, 'text/calendar; charset=utf-8']);
  return parseFeed(answer.body);
};

describe('calendar feeds', () => {
  it('gives the whole programme and each room as feeds, in Seoul time with UTC stamps, titles in the asked language', async () => {
    const all = await feed('/api/calendar/programme.ics?lang=ko');
    const sessions = ((await ctx.app.inject({ url: '/api/programme' })).json() as { sessions: unknown[] }).sessions;
    expect(all).toHaveLength(sessions.length);
    const keynote = all.find((event) => event.uid.startsWith('session-keynote-1@'))!;
    expect(keynote).toMatchObject({ start: '2015-11-04T01:30:00.000Z', end: '2015-11-04T02:30:00.000Z', zone: 'Asia/Seoul', stampIsUtc: true, location: '오디토리움 (5층)' });
    expect(keynote.summary).toBe('기조연설 1: 창조경제 시대의 클러스터');
    // Speakers and chairs in the asked language too.
    expect(keynote.description).toContain('연사: 크리스티안 케텔스');
    expect(keynote.description).toContain('좌장: 한국산업단지공단 이사장 (한국산업단지공단)');
    const auditorium = await feed('/api/calendar/rooms/auditorium.ics');
    expect(auditorium.length).toBeGreaterThan(5);
    expect(auditorium.every((event) => event.location === 'Auditorium (5F)')).toBe(true);
    expect((await ctx.app.inject({ url: '/api/calendar/rooms/nowhere.ics' })).statusCode).toBe(404);
  });

  it('gives each delegate a feed of their agenda, updated in place when a session moves, at an address that opens nothing else', async () => {
    const delegate = await registerDelegate(ctx.app, { languages: ['ja', 'en'] }, 'ja');
    const me = (await ctx.app.inject({ url: '/api/me', headers: delegate.headers })).json() as { calendarUrl: string };
    for (const code of ['keynote-1', 'keynote-3', 'night-tour']) await ctx.app.inject({ method: 'PUT', url: `/api/me/agenda/${code}`, headers: delegate.headers });
    const events = await feed(me.calendarUrl);
    expect(events.map((event) => event.uid.split('@')[0]).sort()).toEqual(['session-keynote-1', 'session-keynote-3', 'session-night-tour']);
    expect(events.find((event) => event.uid.startsWith('session-keynote-1@'))!.description).toContain('基調講演');
    expect(events.find((event) => event.uid.startsWith('session-night-tour@'))).toMatchObject({ start: '2015-11-05T10:00:00.000Z', location: 'Departs from the EXCO main entrance bus bay' });

    await ctx.app.inject({ method: 'PATCH', url: '/api/programme/sessions/keynote-3', headers: ctx.organiser, payload: { startsAt: '2015-11-05T08:30:00+09:00', endsAt: '2015-11-05T09:30:00+09:00' } });
    const moved = await feed(me.calendarUrl);
    const before = events.find((event) => event.uid.startsWith('session-keynote-3@'))!;
    const after = moved.find((event) => event.uid === before.uid)!;
    expect([after.start, after.sequence > before.sequence]).toEqual(['2015-11-04T23:30:00.000Z', true]);

    await ctx.app.inject({ method: 'DELETE', url: '/api/me/agenda/keynote-1', headers: delegate.headers });
    expect((await feed(me.calendarUrl)).map((event) => event.uid.split('@')[0]).sort()).toEqual(['session-keynote-3', 'session-night-tour']);
    expect((await ctx.app.inject({ url: me.calendarUrl.replace(/\.ics$/, 'x.ics') })).statusCode).toBe(404);
    expect((await ctx.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${me.calendarUrl.split('/').at(-1)!.replace('.ics', '')}` } })).statusCode).toBe(401);
  });

  it("puts a delegate's tour bus in their feed at the tour's hours on the edition's clock, whatever zone the reader is in", async () => {
    const delegate = await registerDelegate(ctx.app, { languages: ['en'] });
    await ctx.app.inject({ method: 'POST', url: '/api/tours/assignment/publish', headers: ctx.organiser });
    expect((await ctx.app.inject({ method: 'POST', url: '/api/me/tours/seat', headers: delegate.headers, payload: { tour: 'wonju' } })).json().outcome).toBe('seated');
    const me = (await ctx.app.inject({ url: '/api/me', headers: delegate.headers })).json() as { calendarUrl: string };
    const tour = (await feed(me.calendarUrl)).find((event) => event.uid.startsWith(`tour-${delegate.id}@`))!;
    // Wonju departs at 07:30 and returns at 19:00, Seoul time, on 3 November 2015.
    expect(tour).toMatchObject({ zone: 'Asia/Seoul', start: '2015-11-02T22:30:00.000Z', end: '2015-11-03T10:00:00.000Z' });
  });
});
