import { describe, expect, it } from 'vitest';
import type { ConsultationHall } from '../../shared/consultation-hall-schema.ts';
import type { ConsultationPlan } from '../../shared/consultation-plan-schema.ts';
import { csvFile } from '../support/spreadsheets.ts';
import { useTestApp } from '../support/test-app.ts';

const ctx = useTestApp();

const send = (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: Record<string, unknown>, language = 'en') =>
  ctx.app.inject({ method, url, headers: { ...ctx.organiser, 'accept-language': language }, ...(payload ? { payload } : {}) });
const hall = async () => (await ctx.app.inject({ url: '/api/consultations/hall', headers: ctx.organiser })).json() as ConsultationHall;
const companyOf = (code: string) => ctx.app.db.$client.prepare('select company from consultation_participants where code = ?').pluck().get(code) as string;
/** Takes the planned meetings that `which` picks out of the plan, one by one, as the plan screen does. */
async function takeOutOfPlan(which: (assignment: ConsultationPlan['assignments'][number]) => boolean) {
  let plan = (await ctx.app.inject({ url: '/api/consultations/plan', headers: ctx.organiser })).json() as ConsultationPlan;
  for (const assignment of plan.assignments.filter(which)) {
    const answer = await ctx.app.inject({ method: 'DELETE', url: `/api/consultations/plan/meetings/${assignment.meeting}?revision=${plan.revision}`, headers: ctx.organiser });
    expect(answer.statusCode).toBe(200);
    plan = answer.json() as ConsultationPlan;
  }
}
const planDay = async () => (await send('POST', '/api/consultations/plan/run', { seconds: 0.3 })).json() as ConsultationPlan;

describe('the consultation hall set up by organisers', () => {
  it('shows slots, tables with the buyer who keeps each, and interpreters with what the plan gives them', async () => {
    const before = await hall();
    expect(before.slots.map((slot) => slot.code)).toHaveLength(10);
    // The demo day starts planned: the hall counts what the plan gives each table and interpreter.
    const demoPlan = (await ctx.app.inject({ url: '/api/consultations/plan', headers: ctx.organiser })).json() as ConsultationPlan;
    const planned = (table: string) => demoPlan.assignments.filter((assignment) => assignment.table === table).length;
    expect(before.tables[0]).toEqual({ code: 'T01', homeOf: { code: 'B01', company: 'Bharat Auto Components Pvt. Ltd.' }, plannedMeetings: planned('T01') });
    expect(before.buyers).toHaveLength(18);
    expect(before.interpreters.find((interpreter) => interpreter.code === 'I-zh-2')).toEqual({
      code: 'I-zh-2',
      name: 'Wang Min',
      languages: ['zh', 'ko', 'en'],
      available: null,
      plannedMeetings: demoPlan.assignments.filter((assignment) => assignment.interpreter === 'I-zh-2').length,
    });

    const plan = await planDay();
    const after = await hall();
    const atT01 = plan.assignments.filter((assignment) => assignment.table === 'T01').length;
    expect(atT01).toBeGreaterThan(0);
    expect(after.tables[0]!.plannedMeetings).toBe(atT01);
    const byInterpreter = (code: string) => plan.assignments.filter((assignment) => assignment.interpreter === code).length;
    expect(after.interpreters.map((interpreter) => interpreter.plannedMeetings)).toEqual(after.interpreters.map((interpreter) => byInterpreter(interpreter.code)));
  });

  it('adds numbered tables in one change, refusing the lot when one code is taken', async () => {
    const added = await send('POST', '/api/consultations/tables/numbered', { prefix: 'T', first: 21, count: 80 });
    expect(added.statusCode).toBe(201);
    const codes = (added.json() as ConsultationHall).tables.map((table) => table.code);
    expect(codes).toHaveLength(100);
    expect([codes[19], codes[20], codes[98], codes[99]]).toEqual(['T20', 'T21', 'T99', 'T100']);
    const again = await send('POST', '/api/consultations/tables/numbered', { prefix: 'T', first: 95, count: 10 }, 'fr');
    expect([again.statusCode, again.json()]).toEqual([409, { field: 'code', message: 'Code : le code « T95 » est déjà utilisé.' }]);
    expect((await hall()).tables).toHaveLength(100);
    const badPrefix = await send('POST', '/api/consultations/tables/numbered', { prefix: '-T', first: 1, count: 2 });
    expect([badPrefix.statusCode, badPrefix.json().field]).toEqual([400, 'prefix']);
    expect((await send('POST', '/api/consultations/tables/numbered', { prefix: 'H', first: 1, count: 2001 })).json().field).toBe('count');
  });

  it('moves a buyer’s home table only where their planned meetings still fit, and never onto another buyer’s table', async () => {
    expect((await send('POST', '/api/consultations/tables', { code: 'T30' })).statusCode).toBe(201);
    // With none of their meetings in the plan, a buyer moves freely.
    await takeOutOfPlan((assignment) => assignment.buyer === 'B01');
    const moved = await send('PUT', '/api/consultations/participants/B01/home-table', { table: 'T30' });
    expect(moved.statusCode).toBe(200);
    expect((moved.json() as ConsultationHall).buyers[0]).toEqual({ code: 'B01', company: 'Bharat Auto Components Pvt. Ltd.', homeTable: 'T30' });
    expect((await send('PUT', '/api/consultations/participants/B01/home-table', { table: 'T01' })).statusCode).toBe(200);

    await planDay();
    const stay = await send('PUT', '/api/consultations/participants/B01/home-table', { table: 'T30' }, 'ko');
    expect([stay.statusCode, stay.json().field]).toEqual([409, 'table']);
    // The meeting that would break is named by its companies.
    expect(stay.json().message).toContain('Bharat Auto Components Pvt. Ltd. ↔ ');
    const taken = await send('PUT', '/api/consultations/participants/B01/home-table', { table: 'T02' }, 'fr');
    expect([taken.statusCode, taken.json()]).toEqual([409, { field: 'table', message: expect.stringContaining(companyOf('B02')) }]);
    const supplier = await send('PUT', '/api/consultations/participants/S01/home-table', { table: 'T30' });
    expect([supplier.statusCode, supplier.json().field]).toEqual([422, 'table']);
    const unknown = await send('PUT', '/api/consultations/participants/B01/home-table', { table: 'T99' });
    expect([unknown.statusCode, unknown.json().field]).toEqual([422, 'table']);
    expect((await send('PUT', '/api/consultations/participants/B77/home-table', { table: null })).statusCode).toBe(404);
    expect((await hall()).buyers[0]!.homeTable).toBe('T01');
    // Nor by spreadsheet: the row that moves the buyer is refused, naming the column.
    const b01 = ((await ctx.app.inject({ url: '/api/consultations/instance', headers: ctx.organiser })).json() as { participants: { id: string; languages: string[] }[] }).participants.find((p) => p.id === 'B01')!;
    const file = csvFile([['code', 'role', 'company', 'country', 'languages', 'table'], ['B01', 'buyer', 'Bharat Auto Components Pvt. Ltd.', 'IN', b01.languages.join(', '), 'T30']]);
    const imported = await ctx.app.inject({ method: 'POST', url: '/api/imports/consultation-participants', headers: { ...ctx.organiser, 'content-type': 'text/csv' }, payload: file });
    expect([imported.statusCode, imported.json().errors]).toEqual([422, [{ row: 2, column: 'table', field: 'table', message: expect.stringContaining('Bharat Auto Components Pvt. Ltd. ↔ ') }]]);
    expect((await hall()).buyers[0]!.homeTable).toBe('T01');
    // No home table at all: the planned meetings stay valid where they are.
    expect((await send('PUT', '/api/consultations/participants/B01/home-table', { table: null })).statusCode).toBe(200);
    expect((await hall()).tables.find((table) => table.code === 'T01')!.homeOf).toBeNull();
  });

  it('adds, changes and removes interpreters; languages or hours their planned meetings need, and removing them, are refused', async () => {
    const dutch = { code: 'I-nl-1', name: 'Sanne Jansen', languages: ['nl', 'en'], available: ['d2-1000', 'd2-1030'] };
    const created = await send('POST', '/api/consultations/interpreters', dutch);
    expect(created.statusCode).toBe(201);
    expect((created.json() as ConsultationHall).interpreters.find((interpreter) => interpreter.code === 'I-nl-1')).toEqual({ ...dutch, plannedMeetings: 0 });
    const cases: [Record<string, unknown>, number, string][] = [
      [dutch, 409, 'code'],
      [{ ...dutch, code: 'I-nl-2', available: ['d2-1000', 'd9-0900'] }, 422, 'available[1]'],
      [{ ...dutch, code: 'I-nl-2', languages: ['nl'] }, 400, 'languages'],
      [{ ...dutch, code: 'I-nl-2', languages: ['nl', 'xq'] }, 400, 'languages[1]'],
      [{ ...dutch, code: 'I nl', name: 'x' }, 400, 'code'],
      [{ ...dutch, code: 'I-nl-2', name: '' }, 400, 'name'],
    ];
    for (const [body, status, field] of cases) {
      const answer = await send('POST', '/api/consultations/interpreters', body, 'ja');
      expect([answer.statusCode, answer.json().field], JSON.stringify(body)).toEqual([status, field]);
    }
    const allDay = await send('PATCH', '/api/consultations/interpreters/I-nl-1', { available: null, name: 'Sanne de Jong' });
    expect((allDay.json() as ConsultationHall).interpreters.find((interpreter) => interpreter.code === 'I-nl-1')).toMatchObject({ name: 'Sanne de Jong', available: null });
    expect((await send('DELETE', '/api/consultations/interpreters/I-nl-1')).statusCode).toBe(204);
    expect((await hall()).interpreters.some((interpreter) => interpreter.code === 'I-nl-1')).toBe(false);

    const plan = await planDay();
    const busy = plan.assignments.find((assignment) => assignment.interpreter === 'I-zh-1')!;
    expect(busy).toBeDefined();
    const noChinese = await send('PATCH', '/api/consultations/interpreters/I-zh-1', { languages: ['ja', 'ko'] }, 'zh');
    expect([noChinese.statusCode, noChinese.json().field]).toEqual([409, 'languages']);
    // The meeting is named by its companies; it is one the interpreter works at.
    const named = plan.assignments.filter((assignment) => assignment.interpreter === 'I-zh-1').map((assignment) => `${companyOf(assignment.buyer)} ↔ ${companyOf(assignment.supplier)}`);
    expect(named.some((meeting) => noChinese.json().message.includes(meeting))).toBe(true);
    const offDuty = await send('PATCH', '/api/consultations/interpreters/I-zh-1', { available: plan.slots.map((slot) => slot.id).filter((slot) => slot !== busy.slot) });
    expect([offDuty.statusCode, offDuty.json().field]).toEqual([409, 'available']);
    const removed = await send('DELETE', '/api/consultations/interpreters/I-zh-1', undefined, 'es');
    expect([removed.statusCode, removed.json().field]).toEqual([409, 'interpreter']);
    expect((await hall()).interpreters.find((interpreter) => interpreter.code === 'I-zh-1')).toMatchObject({ languages: ['zh', 'ko'], available: null });
    expect((await send('PATCH', '/api/consultations/interpreters/I-zz-9', { name: 'Nobody' })).statusCode).toBe(404);

    // A spreadsheet may not do it either: the row is refused and nothing of the file is stored.
    const file = csvFile([['code', 'name', 'languages'], ['I-nl-9', 'Joost de Vries', 'nl, en'], ['I-zh-1', 'Park Ji-hye', 'ja, ko']]);
    const imported = await ctx.app.inject({ method: 'POST', url: '/api/imports/interpreters', headers: { ...ctx.organiser, 'content-type': 'text/csv', 'accept-language': 'ko' }, payload: file });
    expect(imported.statusCode).toBe(422);
    expect(imported.json().errors).toEqual([{ row: 3, column: 'languages', field: 'languages', message: expect.stringContaining(' ↔ ') }]);
    const after = await hall();
    expect(after.interpreters.some((interpreter) => interpreter.code === 'I-nl-9')).toBe(false);
    expect(after.interpreters.find((interpreter) => interpreter.code === 'I-zh-1')!.languages).toEqual(['zh', 'ko']);
  });
});
