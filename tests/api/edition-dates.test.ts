import { describe, expect, it } from 'vitest';
import type { ConsultationInstance } from '../../server/consultations/engine/contract.ts';
import type { CongressInfo } from '../../shared/congress-schema.ts';
import type { ProgrammeView } from '../../shared/programme-schema.ts';
import type { TourView } from '../../shared/tour-schema.ts';
import { createEindhovenEdition, useTestApp } from '../support/test-app.ts';

const ctx = useTestApp();

const send = (method: 'POST' | 'PUT' | 'PATCH', url: string, payload: Record<string, unknown>, language = 'en') =>
  ctx.app.inject({ method, url, headers: { ...ctx.organiser, 'accept-language': language }, payload });
const congress = async (api = '/api') => (await ctx.app.inject({ url: `${api}/congress` })).json() as CongressInfo;
const instance = async (api = '/api') => (await ctx.app.inject({ url: `${api}/consultations/instance`, headers: ctx.organiser })).json() as ConsultationInstance;

describe('an edition’s days and dates set by its organisers', () => {
  it('names a day per language and says what it is about; a date outside the edition or an unknown focus is refused', async () => {
    const named = await send('PUT', '/api/congress/days/2015-11-05', { focus: 'conference', title: { en: 'Paper sessions and side events', ko: '논문 발표와 부대 행사' } });
    expect(named.statusCode).toBe(200);
    expect((named.json() as CongressInfo).days[2]).toEqual({ date: '2015-11-05', focus: 'conference', title: { en: 'Paper sessions and side events', ko: '논문 발표와 부대 행사' } });
    const back = await send('PUT', '/api/congress/days/2015-11-05', { focus: 'closing', title: null });
    expect((back.json() as CongressInfo).days[2]).toEqual({ date: '2015-11-05', focus: 'closing', title: null });

    const outside = await send('PUT', '/api/congress/days/2015-11-09', { focus: 'conference', title: null }, 'fr');
    expect([outside.statusCode, outside.json().field]).toEqual([404, 'date']);
    const focus = await send('PUT', '/api/congress/days/2015-11-05', { focus: 'party', title: null });
    expect([focus.statusCode, focus.json().field]).toEqual([400, 'focus']);
  });

  it('adds days at either end and removes empty ones; a day with a tour, a session or consultation slots stays, named', async () => {
    const longer = await send('PATCH', '/api/congress', { startsOn: '2015-11-02', endsOn: '2015-11-07' });
    expect(longer.statusCode).toBe(200);
    const days = (longer.json() as CongressInfo).days;
    expect(days.map((day) => [day.date, day.focus])).toEqual([
      ['2015-11-02', 'conference'],
      ['2015-11-03', 'tours'],
      ['2015-11-04', 'consultation'],
      ['2015-11-05', 'conference'],
      ['2015-11-06', 'closing'],
      ['2015-11-07', 'conference'],
    ]);
    expect((await send('PATCH', '/api/congress', { startsOn: '2015-11-03', endsOn: '2015-11-06' })).statusCode).toBe(200);

    const tourDay = await send('PATCH', '/api/congress', { startsOn: '2015-11-04' }, 'ko');
    expect([tourDay.statusCode, tourDay.json().field]).toEqual([409, 'startsOn']);
    expect(tourDay.json().message).toBe('첫날: 2015년 11월 3일에 아직 투어 “반월·시화 국가산업단지 — 부품·소재”이(가) 있습니다. 먼저 다른 날로 옮기세요.');
    const sessionDay = await send('PATCH', '/api/congress', { endsOn: '2015-11-05' }, 'en');
    expect([sessionDay.statusCode, sessionDay.json().field]).toEqual([409, 'endsOn']);
    expect(sessionDay.json().message).toMatch(/^Last day: November 6, 2015 still has the session “.+”; move it to another day first\.$/);
    const backwards = await send('PATCH', '/api/congress', { endsOn: '2015-11-01' });
    expect([backwards.statusCode, backwards.json().field]).toEqual([422, 'endsOn']);
    const after = await congress();
    expect([after.startsOn, after.endsOn, after.days.length]).toEqual(['2015-11-03', '2015-11-06', 4]);
  });

  it('moves the whole edition: days, slots, tours, sessions and deadlines keep their hour on the edition’s clock, across a change of summer time', async () => {
    await createEindhovenEdition(ctx.app, ctx.organiser);
    const api = '/api/c/tci-2016-eindhoven';
    const before = await instance(api);
    expect(before.slots[0]!.start).toBe('2016-09-28T10:00:00+02:00');
    await send('PATCH', `${api}/tours/settings`, { choicesCloseAt: '2016-09-20T18:00:00+02:00' });

    // Summer time ends on 30 October 2016 in Amsterdam: 10:00 stays 10:00, at +01:00.
    const moved = await send('POST', `${api}/congress/move`, { startsOn: '2016-11-08' });
    expect(moved.statusCode).toBe(200);
    const info = moved.json() as CongressInfo;
    expect([info.startsOn, info.endsOn, info.days.map((day) => day.date)]).toEqual(['2016-11-08', '2016-11-11', ['2016-11-08', '2016-11-09', '2016-11-10', '2016-11-11']]);
    expect(info.days.map((day) => day.focus)).toEqual(['tours', 'consultation', 'conference', 'closing']);
    const after = await instance(api);
    expect(after.slots.map((slot) => slot.id)).toEqual(before.slots.map((slot) => slot.id));
    expect(after.slots[0]!.start).toBe('2016-11-09T10:00:00+01:00');
    const tours = (await ctx.app.inject({ url: `${api}/tours` })).json() as TourView[];
    expect(tours[0]!.departsAt).toBe('2016-11-08T07:30:00+01:00');
    const settings = (await ctx.app.inject({ url: `${api}/tours/assignment`, headers: ctx.organiser })).json() as { choicesCloseAt: string };
    expect(settings.choicesCloseAt).toBe('2016-11-01T18:00:00+01:00');

    // The demo's programme moves too, and each session counts a change for calendar apps.
    const programme = async () => (await ctx.app.inject({ url: '/api/programme' })).json() as ProgrammeView;
    const opening = (await programme()).sessions.find((session) => session.code === 'opening')!;
    expect((await send('POST', '/api/congress/move', { startsOn: '2015-11-10' })).statusCode).toBe(200);
    const reopened = (await programme()).sessions.find((session) => session.code === 'opening')!;
    expect([opening.startsAt, reopened.startsAt, reopened.sequence]).toEqual(['2015-11-04T09:30:00+09:00', '2015-11-11T09:30:00+09:00', opening.sequence + 1]);
    // The other edition did not move with it.
    expect((await congress(api)).startsOn).toBe('2016-11-08');
  });

  it('keeps a slot’s code when its day is laid out again after a day was added before it', async () => {
    const codes = (await instance()).slots.map((slot) => slot.id);
    expect(codes[0]).toBe('d2-1000');
    await send('PATCH', '/api/congress', { startsOn: '2015-11-01' });
    const laid = await send('PUT', '/api/consultations/days/2015-11-04/slots', { start: '10:00', end: '16:30', minutes: 30, breaks: [{ start: '12:00', end: '13:30' }] });
    expect(laid.statusCode).toBe(200);
    expect((await instance()).slots.map((slot) => slot.id)).toEqual(codes);
    // A new day's slots get codes of their own, never another day's.
    await send('PUT', '/api/consultations/days/2015-11-01/slots', { start: '10:00', end: '11:00', minutes: 30, breaks: [] });
    const all = (await instance()).slots.map((slot) => slot.id);
    expect(new Set(all).size).toBe(all.length);
  });
});
