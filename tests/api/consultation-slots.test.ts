import { describe, expect, it } from 'vitest';
import { createEindhovenEdition, useTestApp } from '../support/test-app.ts';

const ctx = useTestApp();
/** A meeting as refusals name it: its buyer's and supplier's companies. */
const companiesOf = (meeting: string) =>
  ctx.app.db.$client
    .prepare('select b.company || \' ↔ \' || s.company from consultation_meetings m join consultation_participants b on b.id = m.buyer_id join consultation_participants s on s.id = m.supplier_id where m.code = ?')
    .pluck()
    .get(meeting) as string;
const lunchDay = { start: '10:00', end: '17:00', minutes: 30, breaks: [{ start: '12:00', end: '13:30' }] };
const put = (prefix: string, date: string, payload: Record<string, unknown>, language = 'en') =>
  ctx.app.inject({ method: 'PUT', url: `${prefix}/consultations/days/${date}/slots`, headers: { ...ctx.organiser, 'accept-language': language }, payload });

describe('the consultation day’s slots laid out by organisers', () => {
  it('generates a day in the edition’s zone from start, end, length and lunch, keeping codes that stay', async () => {
    await createEindhovenEdition(ctx.app, ctx.organiser);
    const laid = await put('/api/c/tci-2016-eindhoven', '2016-09-28', lunchDay);
    expect(laid.statusCode).toBe(200);
    const slots = laid.json().slots as { id: string; start: string; end: string }[];
    expect(slots.map((slot) => slot.id)).toEqual(['d2-1000', 'd2-1030', 'd2-1100', 'd2-1130', 'd2-1330', 'd2-1400', 'd2-1430', 'd2-1500', 'd2-1530', 'd2-1600', 'd2-1630']);
    expect(slots[0]).toEqual({ id: 'd2-1000', start: '2016-09-28T10:00:00+02:00', end: '2016-09-28T10:30:00+02:00' });
    const instance = (await ctx.app.inject({ url: '/api/c/tci-2016-eindhoven/consultations/instance', headers: ctx.organiser })).json();
    expect(instance.slots.map((slot: { id: string }) => slot.id)).toEqual(slots.map((slot) => slot.id));
    // The demo's day is untouched.
    expect((await ctx.app.inject({ url: '/api/consultations/instance', headers: ctx.organiser })).json().slots[0].start).toContain('2015-11-04T');

    const refusals = [
      [await put('/api/c/tci-2016-eindhoven', '2016-10-01', lunchDay), 422, 'date'],
      [await put('/api/c/tci-2016-eindhoven', '2016-09-28', { ...lunchDay, end: '09:00' }), 422, 'end'],
      [await put('/api/c/tci-2016-eindhoven', '2016-09-28', { ...lunchDay, breaks: [{ start: '18:00', end: '19:00' }] }), 422, 'breaks[0]'],
      [await put('/api/c/tci-2016-eindhoven', '2016-09-28', { ...lunchDay, start: '25:00' }), 400, 'start'],
    ] as const;
    expect(refusals.map(([response]) => [response.statusCode, response.json().field])).toEqual(refusals.map(([, status, field]) => [status, field]));
  });

  it('refuses to drop a slot a participant is available in, or one with a planned meeting, naming it', async () => {
    await createEindhovenEdition(ctx.app, ctx.organiser);
    await put('/api/c/tci-2016-eindhoven', '2016-09-28', lunchDay);
    await ctx.app.inject({ method: 'POST', url: '/api/c/tci-2016-eindhoven/consultations/participants', headers: ctx.organiser, payload: { code: 'S01', role: 'supplier', company: 'Daegu Precision', country: 'KR', languages: ['ko'] } });
    await ctx.app.inject({ method: 'PATCH', url: '/api/c/tci-2016-eindhoven/consultations/participants/S01', headers: ctx.organiser, payload: { available: ['d2-1000', 'd2-1030'] } });
    const busy = await put('/api/c/tci-2016-eindhoven', '2016-09-28', { ...lunchDay, start: '11:00' }, 'fr');
    expect([busy.statusCode, busy.json()]).toEqual([409, { field: 'slots', message: 'Créneaux : le créneau 10:00 disparaîtrait alors que Daegu Precision y est disponible ; changez d’abord ses horaires.' }]);

    const plan = (await ctx.app.inject({ method: 'POST', url: '/api/consultations/plan/run', headers: ctx.organiser, payload: { seconds: 0.3 } })).json();
    const inFirstSlot = plan.assignments.filter((a: { slot: string }) => a.slot === plan.slots[0].id).map((a: { meeting: string }) => a.meeting) as string[];
    const demoDay = plan.slots[0].start.slice(0, 10);
    const planned = await put('/api/c/tci-2015-daegu', demoDay, { start: '13:30', end: '17:00', minutes: 30, breaks: [] });
    expect([planned.statusCode, planned.json().field]).toEqual([409, 'slots']);
    // The slot by its time, the meeting by its companies.
    const named = /^Time slots: slot (\d\d:\d\d) would go, but meeting (.+ ↔ .+) is planned in it/.exec(planned.json().message);
    expect(named?.[1]).toBe(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Seoul' }).format(new Date(plan.slots[0].start)));
    expect(inFirstSlot.map((code) => companiesOf(code))).toContain(named?.[2]);
    // Nothing moved.
    expect((await ctx.app.inject({ url: '/api/consultations/plan', headers: ctx.organiser })).json().slots.length).toBe(plan.slots.length);
  });
});

describe('the consultation hall’s tables', () => {
  it('adds a table and removes one nobody uses; a buyer’s home table or a planned meeting keeps it, named', async () => {
    const send = (method: 'POST' | 'DELETE', url: string, payload?: Record<string, unknown>) => ctx.app.inject({ method, url, headers: ctx.organiser, ...(payload ? { payload } : {}) });
    expect((await send('POST', '/api/consultations/tables', { code: 'T40' })).statusCode).toBe(201);
    expect((await send('POST', '/api/consultations/tables', { code: 'T40' })).json().field).toBe('code');
    const tables = (await ctx.app.inject({ url: '/api/consultations/instance', headers: ctx.organiser })).json().tables as { id: string }[];
    expect(tables.map((table) => table.id)).toContain('T40');
    expect((await send('DELETE', '/api/consultations/tables/T40')).statusCode).toBe(204);
    expect((await send('DELETE', '/api/consultations/tables/T40')).statusCode).toBe(404);
    const home = await send('DELETE', '/api/consultations/tables/T01');
    // Named by company, not by code.
    expect([home.statusCode, home.json().message]).toEqual([409, expect.stringContaining('Bharat Auto Components Pvt. Ltd.')]);

    expect((await ctx.app.inject({ url: '/api/consultations/instance', headers: ctx.organiser })).json().tables.length).toBe(tables.length - 1);

    // Where buyers have no home table, a planned meeting keeps the table it is at.
    await createEindhovenEdition(ctx.app, ctx.organiser);
    const edition = '/api/c/tci-2016-eindhoven';
    for (const participant of [
      { code: 'B1', role: 'buyer', company: 'ASML', country: 'NL', languages: ['en'] },
      { code: 'S1', role: 'supplier', company: 'Daegu Precision', country: 'KR', languages: ['en'] },
    ]) {
      expect((await send('POST', `${edition}/consultations/participants`, participant)).statusCode).toBe(201);
    }
    expect((await send('POST', `${edition}/consultations/meetings`, { buyer: 'B1', supplier: 'S1' })).statusCode).toBe(201);
    const plan = (await send('POST', `${edition}/consultations/plan/run`, { seconds: 0.2 })).json();
    const planned = await send('DELETE', `${edition}/consultations/tables/${plan.assignments[0].table}`);
    expect([planned.statusCode, planned.json().field]).toEqual([409, 'table']);
    expect(planned.json().message).toBe('Table: meeting ASML ↔ Daegu Precision is planned at this table; move it first.');
  });
});
