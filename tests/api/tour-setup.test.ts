import { describe, expect, it } from 'vitest';
import type { BusChanged, TourAsStored, ToursAsStored } from '../../shared/tour-setup-schema.ts';
import type { MyTours, TourView } from '../../shared/tour-schema.ts';
import { createEindhovenEdition, registerDelegate, signInAccount, useTestApp } from '../support/test-app.ts';

const ctx = useTestApp();

const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: Record<string, unknown>, language = 'en') =>
  ctx.app.inject({ method, url, headers: { ...ctx.organiser, 'accept-language': language }, ...(payload ? { payload } : {}) });
const stored = async (api = '/api') => ((await ctx.app.inject({ url: `${api}/tours/setup`, headers: ctx.organiser })).json() as ToursAsStored).tours;
const catalogue = async (language: string) => (await ctx.app.inject({ url: '/api/tours', headers: { 'accept-language': language } })).json() as TourView[];
const choose = (headers: { authorization: string }, tours: string[]) => ctx.app.inject({ method: 'PUT', url: '/api/me/tours/choices', headers, payload: { tours } });
const myTours = async (headers: { authorization: string }) => (await ctx.app.inject({ url: '/api/me/tours', headers })).json() as MyTours;

const daeguTour = {
  code: 'pohang',
  title: { ko: '포항 철강산업단지', en: 'Pohang steel industrial complex', fr: 'Complexe sidérurgique de Pohang' },
  description: { en: 'POSCO and its suppliers.' },
  meetingPoint: { ko: 'EXCO 동관 버스 승강장 8', en: 'EXCO east hall, bus bay 8' },
  departsAt: '2015-11-03T08:00:00+09:00',
  returnsAt: '2015-11-03T18:00:00+09:00',
};

describe('cluster tours set up by organisers', () => {
  it('adds a tour with texts per language, read in the reader’s language with the edition’s fallback', async () => {
    const created = await send('POST', '/api/tours', daeguTour);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'pohang', title: daeguTour.title, buses: [], chosenBy: 0, departsAt: '2015-11-03T08:00:00+09:00' });

    expect((await catalogue('fr')).at(-1)).toMatchObject({ code: 'pohang', title: 'Complexe sidérurgique de Pohang', meetingPoint: 'EXCO east hall, bus bay 8' });
    expect((await catalogue('ko')).at(-1)).toMatchObject({ title: '포항 철강산업단지', meetingPoint: 'EXCO 동관 버스 승강장 8', description: 'POSCO and its suppliers.' });
    // Japanese is not among its texts: the edition's languages (English, then Korean) stand in.
    expect((await catalogue('ja')).at(-1)!.title).toBe('Pohang steel industrial complex');

    const bus = await send('POST', '/api/tours/pohang/buses', { label: { en: 'Bus 1', ko: '1호차' }, capacity: 40, guideLanguages: ['en', 'ko'] });
    expect(bus.statusCode).toBe(201);
    expect((bus.json() as BusChanged).tour.buses).toEqual([{ id: expect.any(Number), label: { en: 'Bus 1', ko: '1호차' }, capacity: 40, guideLanguages: ['en', 'ko'], seatsTaken: 0 }]);
    // Delegates read the bus's name in their language, else in the edition's first one.
    expect((await catalogue('ko')).at(-1)!.buses[0]!.label).toBe('1호차');
    expect((await catalogue('ja')).at(-1)!.buses[0]!.label).toBe('Bus 1');
    const unnamed = await send('POST', '/api/tours/pohang/buses', { label: { en: ' ' }, capacity: 40, guideLanguages: ['en'] });
    expect([unnamed.statusCode, unnamed.json().field]).toEqual([400, 'label.en']);

    // A time given in UTC is kept on the edition's clock.
    const moved = await send('PATCH', '/api/tours/pohang', { departsAt: '2015-11-03T00:30:00Z', title: { en: 'Pohang steel' } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ departsAt: '2015-11-03T09:30:00+09:00', returnsAt: '2015-11-03T18:00:00+09:00', title: { en: 'Pohang steel' } });
    expect((await stored()).map((tour) => tour.code)).toEqual(['changwon', 'gumi', 'ulsan', 'banwol-sihwa', 'gwangju', 'wonju', 'gunsan', 'pohang']);
  });

  it('refuses bad tours naming the field, in the organiser’s language, and stores nothing', async () => {
    const before = await stored();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...daeguTour, returnsAt: '2015-11-03T07:00:00+09:00' }, 422, 'returnsAt'],
      [{ ...daeguTour, departsAt: '2015-11-08T08:00:00+09:00', returnsAt: '2015-11-08T18:00:00+09:00' }, 422, 'departsAt'],
      [{ ...daeguTour, code: 'changwon' }, 409, 'code'],
      [{ ...daeguTour, code: 'settings' }, 422, 'code'],
      [{ ...daeguTour, code: 'Po Hang' }, 400, 'code'],
      [{ ...daeguTour, title: {} }, 400, 'title'],
      [{ ...daeguTour, title: { de: 'Pohang' } }, 400, 'title.de'],
      [{ ...daeguTour, meetingPoint: { en: '   ' } }, 400, 'meetingPoint.en'],
      [{ ...daeguTour, departsAt: 'tomorrow' }, 400, 'departsAt'],
    ];
    for (const [body, status, field] of cases) {
      const answer = await send('POST', '/api/tours', body, 'ko');
      expect([answer.statusCode, answer.json().field], JSON.stringify(body)).toEqual([status, field]);
    }
    const late = await send('POST', '/api/tours', { ...daeguTour, departsAt: '2015-11-08T08:00:00+09:00', returnsAt: '2015-11-08T18:00:00+09:00' }, 'fr');
    expect(late.json().message).toBe('Départ : le 8 novembre 2015 n’est pas un jour de l’édition.');
    const early = await send('PATCH', '/api/tours/changwon', { returnsAt: '2015-11-03T06:00:00+09:00' }, 'ko');
    expect([early.statusCode, early.json().field]).toEqual([422, 'returnsAt']);
    expect(early.json().message).toContain('복귀');
    expect((await send('PATCH', '/api/tours/nowhere', { title: { en: 'x' } })).statusCode).toBe(404);
    const badGuide = await send('POST', '/api/tours/changwon/buses', { label: { en: 'Bus 3' }, capacity: 45, guideLanguages: ['en', 'xx-nope'] });
    expect([badGuide.statusCode, badGuide.json().field]).toEqual([400, 'guideLanguages[1]']);
    expect((await send('POST', '/api/tours/changwon/buses', { label: { en: 'Bus 3' }, capacity: 0, guideLanguages: ['en'] })).json().field).toBe('capacity');
    expect(await stored()).toEqual(before);
  });

  it('refuses fewer seats than passengers, guides passengers cannot follow and removing a bus with passengers; more seats go to the waiting list in order', async () => {
    const [bus] = (await stored()).find((tour) => tour.code === 'gumi')!.buses;
    await send('PATCH', `/api/tours/buses/${bus!.id}`, { capacity: 2 });
    const english = await Promise.all([0, 1, 2, 3].map(() => registerDelegate(ctx.app, { languages: ['en'] })));
    for (const delegate of english) await choose(delegate.headers, ['gumi']);
    await send('POST', '/api/tours/assignment/run');
    await send('POST', '/api/tours/assignment/publish');
    // After publishing, the two left out ask for a seat and wait in line.
    for (const delegate of english.slice(2)) await ctx.app.inject({ method: 'POST', url: '/api/me/tours/seat', headers: delegate.headers, payload: { tour: 'gumi' } });
    expect((await myTours(english[3]!.headers)).waitlist).toEqual([{ tour: 'gumi', position: 2 }]);

    const fewer = await send('PATCH', `/api/tours/buses/${bus!.id}`, { capacity: 1 }, 'es');
    expect([fewer.statusCode, fewer.json()]).toEqual([409, { field: 'capacity', message: expect.stringContaining('2 pasajeros') }]);
    const guides = await send('PATCH', `/api/tours/buses/${bus!.id}`, { guideLanguages: ['zh'] }, 'en');
    expect([guides.statusCode, guides.json().field]).toEqual([409, 'guideLanguages']);
    expect(guides.json().message).toContain('Minjun Kim');
    const removed = await send('DELETE', `/api/tours/buses/${bus!.id}`);
    expect([removed.statusCode, removed.json().field]).toEqual([409, 'bus']);
    const gone = await send('DELETE', '/api/tours/gumi', undefined, 'ja');
    expect([gone.statusCode, gone.json().field]).toEqual([409, 'tour']);
    expect(gone.json().message).toContain('4');
    expect((await stored()).find((tour) => tour.code === 'gumi')!.buses[0]).toMatchObject({ capacity: 2, guideLanguages: ['en', 'ko'], seatsTaken: 2 });

    // One more seat: the first in line takes it, the second keeps waiting.
    const more = await send('PATCH', `/api/tours/buses/${bus!.id}`, { capacity: 3, label: { en: 'Gumi 1' } });
    expect(more.statusCode).toBe(200);
    expect((more.json() as BusChanged).promoted).toEqual([english[2]!.id]);
    expect((await myTours(english[2]!.headers)).seat).toMatchObject({ tour: 'gumi', busLabel: 'Gumi 1' });
    expect((await myTours(english[3]!.headers)).waitlist).toEqual([{ tour: 'gumi', position: 1 }]);
    // A second bus: the last in line takes a seat on it.
    const second = await send('POST', '/api/tours/gumi/buses', { label: { en: 'Gumi 2' }, capacity: 45, guideLanguages: ['en'] });
    expect((second.json() as BusChanged).promoted).toEqual([english[3]!.id]);
  });

  it('removes an empty bus and a tour nobody chose; the desk and other editions cannot touch them', async () => {
    await createEindhovenEdition(ctx.app, ctx.organiser);
    const created = (await send('POST', '/api/tours', daeguTour)).json() as TourAsStored;
    expect(created.buses).toEqual([]);
    const withBus = (await send('POST', '/api/tours/pohang/buses', { label: { en: 'Bus 1', ko: '1호차' }, capacity: 40, guideLanguages: ['en'] })).json() as BusChanged;
    const busId = withBus.tour.buses[0]!.id;

    const desk = await signInAccount(ctx.app, 'desk');
    expect((await ctx.app.inject({ method: 'PATCH', url: `/api/tours/buses/${busId}`, headers: desk, payload: { capacity: 1 } })).statusCode).toBe(403);
    // The bus belongs to the demo: under another edition's address it does not exist.
    expect((await send('PATCH', `/api/c/tci-2016-eindhoven/tours/buses/${busId}`, { capacity: 1 })).statusCode).toBe(404);
    expect((await stored('/api/c/tci-2016-eindhoven')).map((tour) => tour.code)).not.toContain('pohang');

    const removedBus = await send('DELETE', `/api/tours/buses/${busId}`);
    expect([removedBus.statusCode, (removedBus.json() as TourAsStored).buses]).toEqual([200, []]);
    expect((await send('DELETE', '/api/tours/pohang')).statusCode).toBe(204);
    expect((await stored()).map((tour) => tour.code)).not.toContain('pohang');
    const audit = (await ctx.app.inject({ url: '/api/audit?area=tour', headers: ctx.organiser })).json() as { items: { action: string }[] };
    expect(audit.items.map((item) => item.action).slice(0, 4)).toEqual(['tour.delete', 'tour.bus.delete', 'tour.bus.create', 'tour.create']);
  });
});
