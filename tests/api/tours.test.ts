import { describe, expect, it } from 'vitest';
import type { MyTours, TourAssignmentPreview, TourView } from '../../shared/tour-schema.ts';
import { connectLive } from '../support/live-client.ts';
import { registerDelegate, signInAccount, useTestApp } from '../support/test-app.ts';

const ctx = useTestApp();

const setSeats = (code: string, capacity: number) =>
  ctx.app.db.$client.prepare('update tour_buses set capacity = ? where tour_id = (select id from tours where code = ?)').run(capacity, code);
const choose = (headers: { authorization: string }, tours: string[], language = 'en') =>
  ctx.app.inject({ method: 'PUT', url: '/api/me/tours/choices', headers: { ...headers, 'accept-language': language }, payload: { tours } });
const myTours = async (headers: { authorization: string }, language = 'en') =>
  (await ctx.app.inject({ url: '/api/me/tours', headers: { ...headers, 'accept-language': language } })).json() as MyTours;
const organiserPost = (url: string, language = 'en') => ctx.app.inject({ method: 'POST', url, headers: { ...ctx.organiser, 'accept-language': language } });
const busesOf = async (code: string) => ((await ctx.app.inject({ url: '/api/tours' })).json() as TourView[]).find((tour) => tour.code === code)!.buses;

describe('the tour catalogue', () => {
  it('lists the seven cluster tours of 3 November 2015 with their buses, in Korean for Korean readers and otherwise in the edition’s first language, English', async () => {
    const korean = (await ctx.app.inject({ url: '/api/tours', headers: { 'accept-language': 'ko' } })).json() as TourView[];
    const chinese = (await ctx.app.inject({ url: '/api/tours', headers: { 'accept-language': 'zh' } })).json() as TourView[];
    expect(korean.map((tour) => tour.code)).toEqual(['changwon', 'gumi', 'ulsan', 'banwol-sihwa', 'gwangju', 'wonju', 'gunsan']);
    expect(korean[0]!.title).toContain('창원');
    expect(chinese[0]!.title).toContain('Changwon');
    expect(korean.every((tour) => tour.departsAt.startsWith('2015-11-03T') && tour.buses.length > 0)).toBe(true);
    expect(korean.flatMap((tour) => tour.buses).reduce((sum, bus) => sum + bus.capacity, 0)).toBeGreaterThanOrEqual(300);
  });
});

describe('choosing tours', () => {
  it('keeps up to five ranked choices and refuses bad ones naming the field, in the reader’s language', async () => {
    const delegate = await registerDelegate(ctx.app);
    expect((await choose(delegate.headers, ['ulsan', 'changwon'])).statusCode).toBe(200);
    expect((await myTours(delegate.headers)).choices).toEqual(['ulsan', 'changwon']);

    const unknown = await choose(delegate.headers, ['ulsan', 'seoul'], 'ko');
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ field: 'tours[1]', message: expect.stringContaining('"seoul"') });
    expect(unknown.json().message).toContain('투어');
    const tooMany = await choose(delegate.headers, ['changwon', 'gumi', 'ulsan', 'banwol-sihwa', 'gwangju', 'wonju']);
    expect([tooMany.statusCode, tooMany.json().field]).toEqual([400, 'tours']);
    const twice = await choose(delegate.headers, ['gumi', 'gumi']);
    expect([twice.statusCode, twice.json().field]).toEqual([400, 'tours']);
    // Nothing stored was lost by the refused attempts.
    expect((await myTours(delegate.headers)).choices).toEqual(['ulsan', 'changwon']);
  });

  it('closes choices at the organisers’ deadline', async () => {
    const delegate = await registerDelegate(ctx.app);
    const past = await ctx.app.inject({ method: 'PATCH', url: '/api/tours/settings', headers: ctx.organiser, payload: { choicesCloseAt: '2015-10-30T18:00:00+09:00' } });
    expect(past.statusCode).toBe(200);
    const late = await choose(delegate.headers, ['gumi']);
    expect([late.statusCode, late.json().field]).toEqual([409, 'tours']);
    expect((await myTours(delegate.headers)).choicesOpen).toBe(false);
  });
});

describe('assigning, publishing and the waiting list', () => {
  it('previews the optimal assignment with reasons, checks moves, publishes, and hands a freed seat to the first in line', async () => {
    setSeats('gumi', 2);
    const first = await registerDelegate(ctx.app, { languages: ['en'] });
    const second = await registerDelegate(ctx.app, { languages: ['en'] });
    const third = await registerDelegate(ctx.app, { languages: ['en'] });
    const spanish = await registerDelegate(ctx.app, { languages: ['es'] });
    for (const delegate of [first, second, third]) await choose(delegate.headers, ['gumi']);
    await choose(spanish.headers, ['gumi']);

    const run = await organiserPost('/api/tours/assignment/run');
    expect(run.statusCode).toBe(200);
    const preview = run.json() as TourAssignmentPreview;
    expect([preview.delegatesWithChoices, preview.placed, preview.rankHistogram[0]]).toEqual([4, 2, 2]);
    // Ties go to the delegate who chose first: the third is left out, with the reason.
    expect(preview.unassigned.map((entry) => entry.delegateId)).toEqual([third.id, spanish.id]);
    expect(preview.unassigned[0]!.reason).toContain('full');
    expect(preview.unassigned[1]!.reason).toBe('None of the chosen tours (Gumi National Industrial Complex — electronics) has a guide who speaks Spanish.');
    // Not published yet: the delegate sees no seat.
    expect((await myTours(first.headers)).seat).toBeNull();

    const gumiBus = (await busesOf('gumi'))[0]!;
    const full = await ctx.app.inject({ method: 'PUT', url: `/api/tours/assignment/seats/${third.id}`, headers: ctx.organiser, payload: { bus: gumiBus.id } });
    expect([full.statusCode, full.json().field]).toEqual([409, 'bus']);
    const [changwonBus] = await busesOf('changwon');
    const language = await ctx.app.inject({ method: 'PUT', url: `/api/tours/assignment/seats/${spanish.id}`, headers: { ...ctx.organiser, 'accept-language': 'fr' }, payload: { bus: changwonBus!.id } });
    expect(language.statusCode).toBe(422);
    expect(language.json().message).toContain('guides de ce car');

    expect((await organiserPost('/api/tours/assignment/publish')).statusCode).toBe(200);
    expect((await organiserPost('/api/tours/assignment/run')).statusCode).toBe(409);
    expect((await choose(first.headers, ['ulsan'])).statusCode).toBe(409);
    const seen = await myTours(first.headers, 'zh');
    expect(seen.seat).toMatchObject({ tour: 'gumi', busId: gumiBus.id, rank: 1 });
    expect((await myTours(third.headers)).waitlist).toEqual([{ tour: 'gumi', position: 1 }]);

    // The first gives up the seat: the third moves in, and the bus never holds more than its seats.
    const cancel = await ctx.app.inject({ method: 'DELETE', url: '/api/me/tours/seat', headers: first.headers });
    expect(cancel.statusCode).toBe(200);
    expect((await myTours(third.headers)).seat).toMatchObject({ tour: 'gumi', busId: gumiBus.id });
    expect((await myTours(third.headers)).waitlist).toEqual([]);
    expect((await busesOf('gumi'))[0]!.seatsTaken).toBe(2);
  });

  it('gives the last seat to exactly one of 200 delegates asking at once; the rest wait in line', async () => {
    setSeats('wonju', 1);
    const delegates = await Promise.all(Array.from({ length: 200 }, (_, k) => registerDelegate(ctx.app, { languages: ['en'], email: `racer-${k}@example.org`, category: k % 2 ? 'sme' : 'university' })));
    expect((await organiserPost('/api/tours/assignment/publish')).statusCode).toBe(200);
    const answers = await Promise.all(delegates.map((delegate) => ctx.app.inject({ method: 'POST', url: '/api/me/tours/seat', headers: delegate.headers, payload: { tour: 'wonju' } })));
    const outcomes = answers.map((answer) => answer.json().outcome as string);
    expect(outcomes.filter((outcome) => outcome === 'seated')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'waitlisted')).toHaveLength(199);
    expect((await busesOf('wonju'))[0]!.seatsTaken).toBe(1);
    const positions = answers.map((answer) => answer.json().position as number | null).filter((position) => position !== null).sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 199 }, (_, k) => k + 1));
  });
});

describe('seats only for the confirmed', () => {
  it('queues a pending delegate and seats them once approved; refuses the waitlisted, cancelled and declined with the reason', async () => {
    setSeats('wonju', 1);
    expect((await organiserPost('/api/tours/assignment/publish')).statusCode).toBe(200);
    const ask = (headers: { authorization: string }, language = 'en') =>
      ctx.app.inject({ method: 'POST', url: '/api/me/tours/seat', headers: { ...headers, 'accept-language': language }, payload: { tour: 'wonju' } });
    const press = await registerDelegate(ctx.app, { category: 'press', languages: ['en'] });
    expect(press.status).toBe('pending');
    // A free seat is not taken by a pending registration: it queues.
    expect((await ask(press.headers)).json()).toMatchObject({ outcome: 'waitlisted', position: 1 });
    const laterPress = await registerDelegate(ctx.app, { category: 'press', languages: ['en'] });
    expect((await ask(laterPress.headers)).json()).toMatchObject({ outcome: 'waitlisted', position: 2 });
    expect((await busesOf('wonju'))[0]!.seatsTaken).toBe(0);
    const baseUrl = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const live = await connectLive(baseUrl, press.headers);
    live.send({ type: 'subscribe', topics: [`delegate:${press.id}`] });
    await live.next((m) => m.type === 'subscribed');
    expect((await organiserPost(`/api/delegates/${press.id}/approve`)).statusCode).toBe(200);
    expect((await myTours(press.headers)).seat).toMatchObject({ tour: 'wonju' });
    // Told live, and the history says the waiting list seated them.
    await live.next((m) => m.type === 'event' && (m.event as { type: string }).type === 'tour.changed', 1000);
    live.close();
    const busId = (await busesOf('wonju'))[0]!.id;
    const history = ctx.app.db.$client.prepare("select actor_type, entity, entity_id, data from audit_log where action = 'tour.seat.fromWaitlist'").all();
    expect(history).toEqual([{ actor_type: 'system', entity: 'delegate', entity_id: press.id, data: JSON.stringify({ busId }) }]);
    // Approved once the bus is full, the next one keeps their place in line: no seat beyond the bus's.
    await organiserPost(`/api/delegates/${laterPress.id}/approve`);
    expect((await myTours(laterPress.headers)).seat).toBeNull();
    expect((await busesOf('wonju'))[0]!.seatsTaken).toBe(1);

    ctx.app.db.$client.prepare("update delegate_categories set capacity = 0 where code = 'sme'").run();
    const waitlisted = await registerDelegate(ctx.app, { category: 'sme', languages: ['en'] });
    expect(waitlisted.status).toBe('waitlisted');
    const onList = await ask(waitlisted.headers, 'ko');
    expect([onList.statusCode, onList.json().field]).toEqual([409, 'tour']);
    expect(onList.json().message).toContain('대기자 명단');

    const cancelled = await registerDelegate(ctx.app, { languages: ['en'] });
    await ctx.app.inject({ method: 'DELETE', url: '/api/me', headers: cancelled.headers });
    const closed = await ask(cancelled.headers, 'ko');
    expect([closed.statusCode, closed.json().field]).toEqual([409, 'tour']);
    expect(closed.json().message).toContain('취소');

    const declined = await registerDelegate(ctx.app, { category: 'press', languages: ['en'] });
    await organiserPost(`/api/delegates/${declined.id}/decline`);
    expect((await ask(declined.headers, 'ko')).json().message).toContain('거절');
  });

  it('does not seat a delegate who understands none of the guides, and hands a freed seat to the first in line who understands its guide', async () => {
    // Wonju's one bus has English- and Russian-speaking guides; a second bus, guided in Korean, is added full.
    setSeats('wonju', 1);
    const tourId = ctx.app.db.$client.prepare("select id from tours where code = 'wonju'").pluck().get();
    ctx.app.db.$client.prepare("insert into tour_buses (tour_id, label, capacity, guide_languages, sort_order) values (?, '{\"en\":\"Bus 2\"}', 1, '[\"ko\"]', 2)").run(tourId);
    expect((await organiserPost('/api/tours/assignment/publish')).statusCode).toBe(200);
    const ask = (headers: { authorization: string }) => ctx.app.inject({ method: 'POST', url: '/api/me/tours/seat', headers, payload: { tour: 'wonju' } });
    const mute = await registerDelegate(ctx.app, { languages: ['vi'] });
    const refused = await ask(mute.headers);
    expect([refused.statusCode, refused.json().field]).toEqual([422, 'tour']);
    const englishHolder = await registerDelegate(ctx.app, { languages: ['en'] });
    const koreanHolder = await registerDelegate(ctx.app, { languages: ['ko'] });
    expect((await ask(englishHolder.headers)).json().outcome).toBe('seated');
    expect((await ask(koreanHolder.headers)).json().outcome).toBe('seated');
    const koreanFirst = await registerDelegate(ctx.app, { languages: ['ko'] });
    const englishSecond = await registerDelegate(ctx.app, { languages: ['en'] });
    const englishThird = await registerDelegate(ctx.app, { languages: ['en'] });
    for (const [delegate, position] of [[koreanFirst, 1], [englishSecond, 2], [englishThird, 3]] as const) {
      expect((await ask(delegate.headers)).json()).toMatchObject({ outcome: 'waitlisted', position });
    }
    // The English bus frees a seat: the first in line speaks only Korean, so it goes to the next, not the last.
    await ctx.app.inject({ method: 'DELETE', url: '/api/me/tours/seat', headers: englishHolder.headers });
    expect((await myTours(englishSecond.headers)).seat).toMatchObject({ tour: 'wonju' });
    expect((await myTours(koreanFirst.headers)).seat).toBeNull();
    expect((await myTours(englishThird.headers)).seat).toBeNull();
  });
});

describe('live news of seats', () => {
  it('tells the first in line on their own topic, within a second, when a seat frees for them', async () => {
    setSeats('gunsan', 1);
    const holder = await registerDelegate(ctx.app, { languages: ['en'] });
    const waiting = await registerDelegate(ctx.app, { languages: ['en'] });
    await choose(holder.headers, ['gunsan']);
    await choose(waiting.headers, ['gunsan']);
    await organiserPost('/api/tours/assignment/run');
    await organiserPost('/api/tours/assignment/publish');
    const baseUrl = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const live = await connectLive(baseUrl, waiting.headers);
    live.send({ type: 'subscribe', topics: [`delegate:${waiting.id}`] });
    await live.next((m) => m.type === 'subscribed');
    const started = Date.now();
    await ctx.app.inject({ method: 'DELETE', url: '/api/me/tours/seat', headers: holder.headers });
    const news = await live.next((m) => m.type === 'event' && (m.event as { type: string }).type === 'tour.changed', 1000);
    expect(news.topic).toBe(`delegate:${waiting.id}`);
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await myTours(waiting.headers)).seat).toMatchObject({ tour: 'gunsan', rank: 1 });
    live.close();
  });
});

describe('manifests and boarding', () => {
  it('lists a bus’s passengers as JSON and CSV, and ticks each off once at the door', async () => {
    const staff = await signInAccount(ctx.app, 'floor');
    const delegate = await registerDelegate(ctx.app, { givenName: 'Christian', familyName: 'Ketels', country: 'US', languages: ['en'], phone: '+1 617 495 6309' });
    await choose(delegate.headers, ['changwon']);
    await organiserPost('/api/tours/assignment/run');
    const [bus] = await busesOf('changwon');
    const manifest = await ctx.app.inject({ url: `/api/tours/buses/${bus!.id}/manifest`, headers: staff });
    expect(manifest.statusCode).toBe(200);
    expect(manifest.json().passengers).toEqual([{ delegateId: delegate.id, name: 'Christian Ketels', country: 'US', languages: ['en'], phone: '+1 617 495 6309', boardedAt: null }]);
    const csv = await ctx.app.inject({ url: `/api/tours/buses/${bus!.id}/manifest.csv?lang=ko`, headers: staff });
    expect(csv.headers['content-type']).toContain('text/csv');
    // A leading + could start a spreadsheet formula: the cell is neutralised like every other export.
    expect(csv.body).toContain("Christian Ketels,미국,영어,'+1 617 495 6309,");

    const board = () => ctx.app.inject({ method: 'POST', url: `/api/tours/buses/${bus!.id}/boarding`, headers: { ...staff, 'accept-language': 'en' }, payload: { delegate: delegate.id } });
    expect((await board()).statusCode).toBe(200);
    const again = await board();
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toMatch(/already on board since \d\d:\d\d/);
    const [otherBus] = await busesOf('gumi');
    const wrong = await ctx.app.inject({ method: 'POST', url: `/api/tours/buses/${otherBus!.id}/boarding`, headers: staff, payload: { delegate: delegate.id } });
    expect([wrong.statusCode, wrong.json().field]).toEqual([422, 'delegate']);

    // A wrong tick is taken back; the passenger can then board for real, and the audit keeps both.
    const unboard = () => ctx.app.inject({ method: 'DELETE', url: `/api/tours/buses/${bus!.id}/boarding/${delegate.id}`, headers: { ...staff, 'accept-language': 'en' } });
    expect((await unboard()).statusCode).toBe(204);
    expect((await ctx.app.inject({ url: `/api/tours/buses/${bus!.id}/manifest`, headers: staff })).json().passengers[0].boardedAt).toBeNull();
    const twice = await unboard();
    expect([twice.statusCode, twice.json().field, twice.json().message]).toEqual([409, 'delegate', 'Delegate: this delegate is not ticked as on board.']);
    expect((await board()).statusCode).toBe(200);
    const actions = ctx.app.db.$client.prepare("select action from audit_log where entity = 'delegate' and entity_id = ? and action like 'tour.%board' order by id").pluck().all(delegate.id);
    expect(actions).toEqual(['tour.board', 'tour.unboard', 'tour.board']);
    const offBus = await ctx.app.inject({ method: 'DELETE', url: `/api/tours/buses/${otherBus!.id}/boarding/${delegate.id}`, headers: staff });
    expect([offBus.statusCode, offBus.json().field]).toEqual([422, 'delegate']);
  });

  it('keeps each role to its own routes', async () => {
    const staff = await signInAccount(ctx.app, 'floor');
    const delegate = await registerDelegate(ctx.app);
    const [bus] = await busesOf('ulsan');
    expect((await ctx.app.inject({ method: 'POST', url: '/api/tours/assignment/run', headers: staff })).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/tours/assignment/run', headers: delegate.headers })).statusCode).toBe(403);
    expect((await ctx.app.inject({ url: `/api/tours/buses/${bus!.id}/manifest`, headers: delegate.headers })).statusCode).toBe(403);
    expect((await ctx.app.inject({ url: '/api/me/tours', headers: ctx.organiser })).statusCode).toBe(403);
    expect((await ctx.app.inject({ url: '/api/me/tours' })).statusCode).toBe(401);
  });
});
