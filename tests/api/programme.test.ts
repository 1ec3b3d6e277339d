import { describe, expect, it } from 'vitest';
import type { ProgrammeView, SessionView } from '../../shared/programme-schema.ts';
import { useTestApp } from '../support/test-app.ts';

const ctx = useTestApp();

const programme = async (language: string) => (await ctx.app.inject({ url: '/api/programme', headers: { 'accept-language': language } })).json() as ProgrammeView;
const send = (method: 'POST' | 'PATCH', url: string, payload: object, language = 'en') =>
  ctx.app.inject({ method, url, headers: { ...ctx.organiser, 'accept-language': language }, payload });
const sessionsStored = () => ctx.app.db.$client.prepare('select code, starts_at, ends_at, room_id, chair_id, sequence from programme_sessions order by code').all();

describe('the programme', () => {
  it('carries the 2015 programme: three days at EXCO, six keynotes opened by Christian Ketels, 72 papers, in Korean with English where Korean is missing', async () => {
    const english = await programme('en');
    const korean = await programme('ko');
    expect(new Set(english.sessions.map((s) => s.startsAt.slice(0, 10)))).toEqual(new Set(['2015-11-04', '2015-11-05', '2015-11-06']));
    const keynotes = english.sessions.filter((s) => s.kind === 'keynote');
    expect(keynotes).toHaveLength(6);
    expect(keynotes[0]!.speakers.map((p) => p.name)).toEqual(['Christian Ketels']);
    expect(english.sessions.flatMap((s) => s.papers)).toHaveLength(72);
    const closing = korean.sessions.find((s) => s.code === 'closing')!;
    expect(closing.title).toMatch(/^폐회식/);
    // Roles and affiliations are read in the reader's language.
    expect(closing.chair).toMatchObject({ name: '서울대학교 명예교수', affiliation: '서울대학교' });
    expect(english.sessions.find((s) => s.code === 'closing')!.chair?.affiliation).toBe('Seoul National University');
    const englishOnly = korean.sessions.find((s) => s.code === 'paper-04')!;
    expect(englishOnly.title).toBe(english.sessions.find((s) => s.code === 'paper-04')!.title);
    expect(korean.sessions.find((s) => s.code === 'night-tour')).toMatchObject({ kind: 'side-event', capacity: 45, room: null, place: 'EXCO 정문 버스 승강장 출발' });
  });

  it('organisers add and move sessions; a double-booked room or person is refused in their language and nothing is stored', async () => {
    const before = sessionsStored();
    const refusals: [object, number, string, string][] = [
      [{ code: 'workshop', kind: 'parallel', title: { en: 'Workshop' }, startsAt: '2015-11-04T10:45:00+09:00', endsAt: '2015-11-04T11:15:00+09:00', room: 'auditorium' }, 409, 'room', '「Keynote 1: Clusters in the creative economy」'],
      [{ code: 'workshop', kind: 'parallel', title: { en: 'Workshop' }, startsAt: '2015-11-04T10:45:00+09:00', endsAt: '2015-11-04T11:15:00+09:00', room: '201', speakers: ['ketels'] }, 409, 'speakers', 'Christian Ketelsはその時間'],
      [{ code: 'workshop', kind: 'parallel', title: { en: 'Workshop' }, startsAt: '2015-11-04T11:00:00+09:00', endsAt: '2015-11-04T10:00:00+09:00' }, 422, 'endsAt', '終了は開始より後'],
      [{ code: 'workshop', kind: 'parallel', title: { en: 'Workshop' }, startsAt: '2015-11-04T10:00:00+09:00', endsAt: '2015-11-04T11:00:00+09:00', room: 'hall-9' }, 422, 'room', 'hall-9'],
      [{ code: 'workshop', kind: 'parallel', startsAt: '2015-11-04T10:00:00+09:00', endsAt: '2015-11-04T11:00:00+09:00' }, 400, 'title', 'タイトル'],
      [{ code: 'workshop', kind: 'parallel', title: { en: ' ' }, startsAt: '2015-11-04T10:00:00+09:00', endsAt: '2015-11-04T11:00:00+09:00' }, 400, 'title.en', '英語'],
      [{ code: 'opening', kind: 'plenary', title: { en: 'Again' }, startsAt: '2015-11-06T14:00:00+09:00', endsAt: '2015-11-06T15:00:00+09:00' }, 409, 'code', ''],
    ];
    for (const [payload, status, field, text] of refusals) {
      const answer = await send('POST', '/api/programme/sessions', payload, 'ja');
      expect([answer.statusCode, answer.json().field], JSON.stringify(payload)).toEqual([status, field]);
      expect(answer.json().message).toContain(text);
    }
    // Moving keynote 3 onto keynote 4's hour: POSCO's speaker is free, but the chair chairs keynote 4 then.
    const chairClash = await send('PATCH', '/api/programme/sessions/keynote-3', { startsAt: '2015-11-05T10:30:00+09:00', endsAt: '2015-11-05T11:30:00+09:00', room: '201' });
    expect([chairClash.statusCode, chairClash.json().field]).toEqual([409, 'chair']);
    expect(sessionsStored()).toEqual(before);

    const created = await send('POST', '/api/programme/sessions', { code: 'workshop', kind: 'parallel', title: { ko: '워크숍' }, startsAt: '2015-11-06T14:00:00+09:00', endsAt: '2015-11-06T15:30:00+09:00', room: '301', chair: 'ketels', speakers: ['unido', 'adb'] });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'workshop', title: '워크숍', room: { code: '301', name: 'Room 301' }, chair: { code: 'ketels' } });
    expect((created.json() as SessionView).speakers.map((p) => p.code)).toEqual(['unido', 'adb']);
    const moved = await send('PATCH', '/api/programme/sessions/keynote-6', { startsAt: '2015-11-06T16:00:00+09:00', endsAt: '2015-11-06T17:00:00+09:00' });
    expect(moved.statusCode).toBe(200);
    const sequence = ctx.app.db.$client.prepare("select sequence from programme_sessions where code = 'keynote-6'").pluck().get();
    expect(sequence).toBe(1);
    expect((await send('PATCH', '/api/programme/sessions/nothing', { title: { en: 'x' } })).statusCode).toBe(404);
  });

  it('gives the organisers’ editor a session as stored, every language and codes, and refuses everyone else', async () => {
    const editable = await ctx.app.inject({ url: '/api/programme/sessions/keynote-1', headers: ctx.organiser });
    expect(editable.json()).toMatchObject({
      code: 'keynote-1',
      title: { ko: '기조연설 1: 창조경제 시대의 클러스터', en: 'Keynote 1: Clusters in the creative economy' },
      description: {},
      room: 'auditorium',
      chair: 'kicox',
      speakers: ['ketels'],
      papers: [],
      cancelled: false,
    });
    expect((await ctx.app.inject({ url: '/api/programme/sessions/night-tour', headers: ctx.organiser })).json()).toMatchObject({ room: null, capacity: 45, place: { ko: expect.any(String), en: expect.any(String) } });
    expect((await ctx.app.inject({ url: '/api/programme/sessions/nothing', headers: ctx.organiser })).statusCode).toBe(404);
    expect((await ctx.app.inject({ url: '/api/programme/sessions/keynote-1' })).statusCode).toBe(401);
  });
});

describe('editing papers, rooms and people', () => {
  const sequenceOf = (code: string) => ctx.app.db.$client.prepare('select sequence from programme_sessions where code = ?').pluck().get(code) as number;

  it('replaces a session’s papers in the order given; a bad paper is refused naming it and the old papers stay', async () => {
    const session = (await programme('en')).sessions.find((candidate) => candidate.papers.length === 6)!;
    const [first, second] = session.papers;
    const bad = await send('PATCH', `/api/programme/sessions/${session.code}`, { papers: [first, { ...second, title: ' ' }] }, 'ko');
    expect([bad.statusCode, bad.json()]).toEqual([400, { field: 'papers[1].title', message: '논문 2 · 제목: 필수 항목입니다.', errors: [{ field: 'papers[1].title', message: '논문 2 · 제목: 필수 항목입니다.' }] }]);
    expect((await programme('en')).sessions.find((candidate) => candidate.code === session.code)!.papers).toEqual(session.papers);

    const fresh = { title: ' Smart specialisation in Daegu ', authors: 'Park J., Lee S.', abstract: 'How the region chose its clusters.' };
    const saved = await send('PATCH', `/api/programme/sessions/${session.code}`, { papers: [second, fresh, first] });
    expect(saved.statusCode).toBe(200);
    expect((saved.json() as SessionView).papers).toEqual([second, { ...fresh, title: 'Smart specialisation in Daegu' }, first]);
    expect(sequenceOf(session.code)).toBe(session.sequence + 1);
  });

  it('adds and changes rooms; fewer seats than a session in the room offers is refused, and a renamed room updates its sessions’ calendar entries', async () => {
    const names = { ko: '전시장 3홀', en: 'Exhibition hall 3', fr: 'Hall d’exposition 3' };
    const added = await send('POST', '/api/programme/rooms', { code: 'hall-3', name: names, capacity: 150 }, 'ko');
    expect([added.statusCode, added.json()]).toEqual([201, { code: 'hall-3', name: '전시장 3홀', names, capacity: 150 }]);
    expect((await programme('fr')).rooms.find((room) => room.code === 'hall-3')!.name).toBe('Hall d’exposition 3');
    expect((await send('POST', '/api/programme/rooms', { code: 'hall-3', name: { en: 'x' }, capacity: null })).statusCode).toBe(409);
    const nameless = await send('POST', '/api/programme/rooms', { code: 'hall-4', name: {}, capacity: null }, 'es');
    expect([nameless.statusCode, nameless.json().field]).toEqual([400, 'name']);
    const tooSmall = await send('PATCH', '/api/programme/rooms/culture', { capacity: 50 }, 'fr');
    expect([tooSmall.statusCode, tooSmall.json().field]).toEqual([409, 'capacity']);
    expect(tooSmall.json().message).toMatch(/« Korean culture experience hall » .*80 places/);
    const oversold = await send('PATCH', '/api/programme/sessions/culture-hall', { capacity: 100 }, 'ko');
    expect([oversold.statusCode, oversold.json().message]).toEqual([422, '정원: 이 회의실 좌석은 80석뿐입니다.']);
    expect((await programme('en')).rooms.find((room) => room.code === 'culture')!.capacity).toBe(80);

    const inRoom301 = (await programme('en')).sessions.filter((session) => session.room?.code === '301');
    expect(inRoom301.length).toBeGreaterThan(0);
    const renamed = await send('PATCH', '/api/programme/rooms/301', { name: { ko: '301호', en: 'Room 301 (EXCO 3F)' } });
    expect(renamed.json()).toMatchObject({ name: 'Room 301 (EXCO 3F)', names: { ko: '301호', en: 'Room 301 (EXCO 3F)' }, capacity: 120 });
    for (const session of inRoom301) expect(sequenceOf(session.code)).toBe(session.sequence + 1);
    expect((await programme('en')).sessions.find((session) => session.code === inRoom301[0]!.code)!.room!.name).toBe('Room 301 (EXCO 3F)');
    expect((await send('PATCH', '/api/programme/rooms/nowhere', { capacity: 10 })).statusCode).toBe(404);
  });

  it('adds speakers and corrects them; their sessions’ calendar entries follow, and a nameless person is refused', async () => {
    const added = await send('POST', '/api/programme/people', { code: 'lee-ky', name: { en: 'Lee Kyung-ho', ko: ' 이경호 ' }, affiliation: { en: 'Kyungpook National University', ko: '경북대학교' } });
    expect([added.statusCode, added.json()]).toEqual([
      201,
      { code: 'lee-ky', name: 'Lee Kyung-ho', affiliation: 'Kyungpook National University', names: { en: 'Lee Kyung-ho', ko: '이경호' }, affiliations: { en: 'Kyungpook National University', ko: '경북대학교' } },
    ]);
    const nameless = await send('POST', '/api/programme/people', { code: 'nobody', name: { en: '  ' } }, 'ja');
    expect([nameless.statusCode, nameless.json().field]).toEqual([400, 'name.en']);
    const noName = await send('POST', '/api/programme/people', { code: 'nobody', name: {} }, 'ja');
    expect([noName.statusCode, noName.json().field]).toEqual([400, 'name']);
    const badCode = await send('POST', '/api/programme/people', { code: 'Lee KY', name: { en: 'Lee' } }, 'ko');
    expect([badCode.statusCode, badCode.json().message]).toEqual([400, '코드: 영문 소문자(a–z), 숫자, 하이픈만 쓰세요. 예: “hall-3”.']);
    const before = sequenceOf('keynote-1');
    const corrected = await send('PATCH', '/api/programme/people/ketels', { affiliation: { en: 'Harvard Business School, Institute for Strategy and Competitiveness' } });
    expect(corrected.statusCode).toBe(200);
    expect(sequenceOf('keynote-1')).toBe(before + 1);
    expect((await programme('en')).sessions.find((session) => session.code === 'keynote-1')!.speakers[0]!.affiliation).toContain('Institute for Strategy');
    const session = await send('PATCH', '/api/programme/sessions/keynote-6', { speakers: ['adb', 'lee-ky'] });
    expect((session.json() as SessionView).speakers.map((person) => person.name)).toEqual(['Cluster expert, ADB', 'Lee Kyung-ho']);
  });
});
