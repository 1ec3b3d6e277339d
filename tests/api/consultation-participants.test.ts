import { describe, expect, it } from 'vitest';
import type { ConsultationReport } from '../../shared/consultation-report-schema.ts';
import type { MyConsultation } from '../../shared/consultation-schema.ts';
import { pdfPages } from '../support/pdf-text.ts';
import { parseFeed } from '../support/ics.ts';
import type { ConsultationPlan } from '../../shared/consultation-plan-schema.ts';
import { registerDelegate, signInAccount, useTestApp, publishConsultationPlan } from '../support/test-app.ts';

const ctx = useTestApp();

const link = (code: string, delegate: number | null) => ctx.app.inject({ method: 'PUT', url: `/api/consultations/participants/${code}/delegate`, headers: ctx.organiser, payload: { delegate } });
const myDay = async (headers: Record<string, string>) => (await ctx.app.inject({ url: '/api/me/consultation', headers })).json() as MyConsultation;
const record = (code: string, headers: Record<string, string>, payload: object) => ctx.app.inject({ method: 'PUT', url: `/api/consultations/meetings/${code}/outcome`, headers, payload });

describe('buyers and suppliers at the consultation', () => {
  it('a buyer sees only their own meetings, with times once the plan is published', async () => {
    const buyer = await registerDelegate(ctx.app, { givenName: 'Arjun', familyName: 'Mehta', country: 'IN', languages: ['en'] });
    expect((await link('B01', buyer.id)).statusCode).toBe(204);
    const draft = await myDay(buyer.headers);
    expect(draft.participant).toMatchObject({ code: 'B01', role: 'buyer', country: 'IN' });
    expect(draft.meetings.length).toBeGreaterThan(3);
    expect(draft.meetings.every((meeting) => meeting.startsAt === null && meeting.counterpart.country === 'KR')).toBe(true);

    await ctx.app.inject({ method: 'POST', url: '/api/consultations/plan/run', headers: ctx.organiser, payload: { seconds: 0.3 } });
    await publishConsultationPlan(ctx.app, ctx.organiser);
    const day = await myDay(buyer.headers);
    expect(day.published).toBe(true);
    expect(day.meetings.every((meeting) => meeting.startsAt?.startsWith('2015-11-04T') && meeting.table === 'T01')).toBe(true);
    const times = day.meetings.map((meeting) => meeting.startsAt);
    expect(times).toEqual([...times].sort());
    expect(new Set(times).size).toBe(times.length);
  });

  it('prints the day as a PDF and feeds it to calendar apps, in the participant’s language and the event’s time zone', async () => {
    const buyer = await registerDelegate(ctx.app, { givenName: 'Wei', familyName: 'Zhang', country: 'CN', languages: ['zh'] }, 'zh');
    await link('B07', buyer.id);
    const draftPdf = await ctx.app.inject({ url: '/api/me/consultation.pdf?lang=zh', headers: buyer.headers });
    expect((await pdfPages(draftPdf.rawPayload)).join(' ')).toContain('您的洽谈已编排');
    await ctx.app.inject({ method: 'POST', url: '/api/consultations/plan/run', headers: ctx.organiser, payload: { seconds: 0.3 } });
    await publishConsultationPlan(ctx.app, ctx.organiser);
    const day = await myDay({ ...buyer.headers, 'accept-language': 'zh' });

    const pdf = await ctx.app.inject({ url: '/api/me/consultation.pdf?lang=zh', headers: buyer.headers });
    expect([pdf.statusCode, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="consultation-B07.pdf"');
    const text = (await pdfPages(pdf.rawPayload)).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('我的出口洽谈');
    for (const meeting of day.meetings) {
      const clock = new Intl.DateTimeFormat('zh', { timeStyle: 'short', timeZone: 'Asia/Seoul' }).format(new Date(meeting.startsAt!));
      expect(text).toContain(clock);
      expect(text).toContain(meeting.counterpart.company);
      expect(text).toContain(meeting.counterpart.products[0]!.name);
    }

    const feed = await ctx.app.inject({ url: day.calendarFeed });
    expect([feed.statusCode, feed.headers['content-type']]).toEqual([200, 'text/calendar; charset=utf-8']);
    const events = parseFeed(feed.body);
    expect(events).toHaveLength(day.meetings.length);
    for (const meeting of day.meetings) {
      const event = events.find((e) => e.start === new Date(meeting.startsAt!).toISOString());
      expect(event, meeting.meeting).toMatchObject({ end: new Date(meeting.endsAt!).toISOString(), zone: 'Asia/Seoul', location: `桌号 ${meeting.table}`, stampIsUtc: true });
      expect(event!.summary).toBe(`出口洽谈：${meeting.counterpart.company}`);
    }
    // A meeting moved by hand: same UID, a higher SEQUENCE, the new time; calendar apps update it in place.
    const plan = (await ctx.app.inject({ url: '/api/consultations/plan', headers: ctx.organiser })).json() as ConsultationPlan;
    const mine = plan.assignments.find((a) => a.meeting === day.meetings[0]!.meeting)!;
    const busy = new Set(plan.assignments.filter((a) => a.buyer === mine.buyer || a.supplier === mine.supplier).map((a) => a.slot));
    const free = plan.slots.find((slot) => !busy.has(slot.id))!;
    const moved = await ctx.app.inject({ method: 'PUT', url: `/api/consultations/plan/meetings/${mine.meeting}`, headers: ctx.organiser, payload: { revision: plan.revision, slot: free.id, table: mine.table, pinned: true } });
    expect(moved.statusCode).toBe(200);
    const updated = parseFeed((await ctx.app.inject({ url: day.calendarFeed })).body);
    const before = events.find((e) => e.uid.startsWith(`${mine.meeting}-`))!;
    const after = updated.find((e) => e.uid === before.uid)!;
    expect(after.sequence).toBeGreaterThan(before.sequence);
    expect(after.start).toBe(new Date(free.start).toISOString());
    expect((await ctx.app.inject({ url: day.calendarFeed.replace(/[^/]{6}\.ics$/, 'AAAAAA.ics') })).statusCode).toBe(404);
    // The address is no sign-in: it opens nothing else.
    const key = day.calendarFeed.split('/').at(-1)!.replace('.ics', '');
    expect((await ctx.app.inject({ url: '/api/me/consultation', headers: { authorization: `Bearer ${key}` } })).statusCode).toBe(401);
  });

  it('refuses a delegate who speaks for no company, and a delegate linked twice', async () => {
    const visitor = await registerDelegate(ctx.app);
    const answer = await ctx.app.inject({ url: '/api/me/consultation', headers: visitor.headers });
    expect([answer.statusCode, answer.json().field]).toEqual([403, 'Authorization']);
    await link('S01', visitor.id);
    const twice = await link('S02', visitor.id);
    expect([twice.statusCode, twice.json().field]).toEqual([409, 'delegate']);
    expect((await link('S99', visitor.id)).statusCode).toBe(404);
  });

  it('either side records the outcome of its own meetings; a contract needs its value; the report follows', async () => {
    const buyer = await registerDelegate(ctx.app, { languages: ['en'] });
    const stranger = await registerDelegate(ctx.app, { languages: ['en'] });
    await link('B02', buyer.id);
    await link('B03', stranger.id);
    const meeting = (await myDay(buyer.headers)).meetings[0]!.meeting;
    const before = (await ctx.app.inject({ url: '/api/consultations/report', headers: ctx.organiser })).json() as ConsultationReport;

    const noValue = await record(meeting, { ...buyer.headers, 'accept-language': 'de' }, { attendance: 'held', outcome: 'signed' });
    expect([noValue.statusCode, noValue.json().field]).toEqual([422, 'valueUsd']);
    const noShow = await record(meeting, buyer.headers, { attendance: 'no-show', outcome: 'follow-up' });
    expect([noShow.statusCode, noShow.json().field]).toEqual([422, 'outcome']);
    expect((await record(meeting, stranger.headers, { attendance: 'held', outcome: 'none' })).statusCode).toBe(403);
    expect((await record(meeting, {}, { attendance: 'held', outcome: 'none' })).statusCode).toBe(401);

    const badProduct = await record(meeting, buyer.headers, { attendance: 'held', outcome: 'signed', valueUsd: 250_000, hsCodes: ['87'] });
    expect([badProduct.statusCode, badProduct.json().field]).toEqual([400, 'hsCodes[0]']);
    // The contract is about lenses (HS 9001): the report counts it in that sector, whatever the pair's products.
    const sector = (report: ConsultationReport) => report.bySector.find((group) => group.key === '9001')?.signed ?? { count: 0, usd: 0 };
    expect((await record(meeting, buyer.headers, { attendance: 'held', outcome: 'signed', valueUsd: 250_000, products: ' brake discs ', hsCodes: ['9001'] })).statusCode).toBe(204);
    expect((await myDay(buyer.headers)).meetings[0]!.outcome).toEqual({ attendance: 'held', outcome: 'signed', valueUsd: 250_000, products: 'brake discs', hsCodes: ['9001'] });
    const after = (await ctx.app.inject({ url: '/api/consultations/report', headers: ctx.organiser })).json() as ConsultationReport;
    expect(after.totals.signed.usd).toBeGreaterThan(before.totals.signed.usd);
    expect(sector(after)).toEqual({ count: sector(before).count + 1, usd: sector(before).usd + 250_000 });
    // Staff on the floor may correct it.
    const staff = await signInAccount(ctx.app, 'floor');
    expect((await record(meeting, staff, { attendance: 'no-show', outcome: 'none' })).statusCode).toBe(204);
    const corrected = (await ctx.app.inject({ url: '/api/consultations/report', headers: ctx.organiser })).json() as ConsultationReport;
    expect(corrected.totals.noShows).toBe(before.totals.noShows + 1);
  });
});
