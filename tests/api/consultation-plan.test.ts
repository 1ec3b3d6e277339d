import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../server/consultations/engine/check-schedule.ts';
import type { ConsultationInstance, ConsultationSchedule } from '../../server/consultations/engine/contract.ts';
import type { ConsultationPlan, PlanProgress } from '../../shared/consultation-plan-schema.ts';
import { connectLive } from '../support/live-client.ts';
import { signInAccount, useTestApp } from '../support/test-app.ts';

const ctx = useTestApp();

const post = (url: string, payload: unknown = {}, language = 'en') => ctx.app.inject({ method: 'POST', url, headers: { ...ctx.organiser, 'accept-language': language }, payload: payload as object });
const instance = async () => (await ctx.app.inject({ url: '/api/consultations/instance', headers: ctx.organiser })).json() as ConsultationInstance;

describe('planning the consultation day on the live data', () => {
  it('exports the 2015 day as a consultation-instance/1 and plans all 111 meetings, valid by the independent checker', async () => {
    const day = await instance();
    expect(day.format).toBe('consultation-instance/1');
    expect([day.slots.length, day.meetings.length, day.participants.length]).toEqual([10, 111, 54]);

    const before = (await ctx.app.inject({ url: '/api/consultations/plan', headers: ctx.organiser })).json() as ConsultationPlan;
    // The demo day starts planned; running the engine again plans it anew.
    expect([before.placed, before.unscheduled.length]).toEqual([111, 0]);

    const run = await post('/api/consultations/plan/run', { seconds: 0.5 });
    expect(run.statusCode).toBe(200);
    const plan = run.json() as ConsultationPlan;
    expect(plan.placed).toBe(111);
    expect(plan.priority).toBe(plan.upperBound);
    expect(plan.unscheduled).toEqual([]);
    const schedule: ConsultationSchedule = {
      format: 'consultation-schedule/1',
      assignments: plan.assignments.map(({ meeting, slot, table, interpreter }) => ({ meeting, slot, table, ...(interpreter ? { interpreter } : {}) })),
      unscheduled: [],
    };
    const check = checkSchedule(day, schedule);
    expect(check.violations).toEqual([]);
    expect([check.gaps, check.breaks]).toEqual([plan.gaps, plan.breaks]);
    // Buyers keep their home tables all day.
    const homeTable = new Map(day.participants.filter((p) => p.table).map((p) => [p.id, p.table]));
    expect(plan.assignments.every((a) => a.table === homeTable.get(a.buyer))).toBe(true);
  });

  it('imports a schedule made elsewhere, and refuses one that breaks a rule without touching the stored plan', async () => {
    await post('/api/consultations/plan/run', { seconds: 0.3 });
    const stored = (await ctx.app.inject({ url: '/api/consultations/plan', headers: ctx.organiser })).json() as ConsultationPlan;
    const schedule: ConsultationSchedule = {
      format: 'consultation-schedule/1',
      assignments: stored.assignments.map(({ meeting, slot, table, interpreter }) => ({ meeting, slot, table, ...(interpreter ? { interpreter } : {}) })),
      unscheduled: stored.unscheduled.map(({ meeting, reason }) => ({ meeting, reason })),
    };
    // Two meetings of one buyer in the same slot.
    const [first, second] = stored.assignments.filter((a) => a.buyer === 'B01');
    const clash = { ...schedule, assignments: schedule.assignments.map((a) => (a.meeting === second!.meeting ? { ...a, slot: first!.slot } : a)) };
    const refused = await post('/api/consultations/plan/import', clash, 'ko');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().field).toBe('assignments');
    expect(refused.json().message).toContain('계획이 규칙에 어긋납니다');
    const after = (await ctx.app.inject({ url: '/api/consultations/plan', headers: ctx.organiser })).json() as ConsultationPlan;
    expect(after.assignments).toEqual(stored.assignments);

    const accepted = await post('/api/consultations/plan/import', schedule);
    expect([accepted.statusCode, (accepted.json() as ConsultationPlan).placed]).toEqual([200, stored.placed]);
    const malformed = await post('/api/consultations/plan/import', { format: 'consultation-schedule/1', assignments: [{ meeting: 'M001' }], unscheduled: [] });
    expect([malformed.statusCode, malformed.json().field]).toEqual([400, 'assignments[0].slot']);
  });

  it('explains a meeting that cannot be placed, and publishes', async () => {
    // Supplier S01 has several buyers to meet but can only come for the first slot: one meeting at most fits.
    const meetingsOfS01 = ctx.app.db.$client.prepare("select count(*) from consultation_meetings m join consultation_participants s on s.id = m.supplier_id where s.code = 'S01'").pluck().get() as number;
    expect(meetingsOfS01).toBeGreaterThan(1);
    ctx.app.db.$client.prepare("update consultation_participants set available = '[\"d2-1000\"]' where code = 'S01'").run();
    const plan = (await post('/api/consultations/plan/run', { seconds: 0.3 })).json() as ConsultationPlan;
    expect(plan.placed + plan.unscheduled.length).toBe(111);
    const left = plan.unscheduled.filter((entry) => entry.supplier === 'S01');
    expect(left).toHaveLength(meetingsOfS01 - 1);
    for (const entry of left) expect(entry.reason).toMatch(/^both can attend only 10:00–10:30, and supplier S01 is booked 10:00–10:30$/);
    // The same reasons in the organiser's language.
    const inKorean = (await ctx.app.inject({ url: '/api/consultations/plan', headers: { ...ctx.organiser, 'accept-language': 'ko' } })).json() as ConsultationPlan;
    for (const entry of inKorean.unscheduled.filter((e) => e.supplier === 'S01')) expect(entry.reason).toBe('양측 공통 가능 시간은 10:00–10:30뿐이며, 공급기업 S01는 10:00–10:30에 이미 상담이 있습니다');
    const published = await post('/api/consultations/plan/publish', { revision: plan.revision });
    expect((published.json() as ConsultationPlan).published).toBe(true);
  });

  it('moves and pins one meeting by hand, checking every rule, and keeps it when the engine runs again', async () => {
    const plan = (await post('/api/consultations/plan/run', { seconds: 0.3 })).json() as ConsultationPlan;
    const busy = (code: string) => new Set(plan.assignments.filter((a) => a.buyer === code || a.supplier === code).map((a) => a.slot));
    const day = await instance();
    const available = (code: string, slot: string) => day.participants.find((p) => p.id === code)!.available?.includes(slot) ?? true;
    const freeSlotOf = (m: ConsultationPlan['assignments'][number]) =>
      plan.slots.find((slot) => !busy(m.buyer).has(slot.id) && !busy(m.supplier).has(slot.id) && available(m.buyer, slot.id) && available(m.supplier, slot.id));
    // A meeting with a slot both sides have free, and whose supplier meets someone else while its buyer is free.
    const moving = plan.assignments.find(
      (m) => m.interpreter === null && freeSlotOf(m) && plan.assignments.some((a) => a.supplier === m.supplier && !busy(m.buyer).has(a.slot) && available(m.buyer, a.slot)),
    )!;
    const freeSlot = freeSlotOf(moving);
    const put = (body: Record<string, unknown>, language = 'en') =>
      ctx.app.inject({ method: 'PUT', url: `/api/consultations/plan/meetings/${moving.meeting}`, headers: { ...ctx.organiser, 'accept-language': language }, payload: { revision: plan.revision, pinned: true, ...body } });

    // Refusals name the field, in the organiser's language, and store nothing.
    const supplierElsewhere = plan.assignments.find((a) => a.supplier === moving.supplier && !busy(moving.buyer).has(a.slot) && available(moving.buyer, a.slot))!;
    const clash = await put({ slot: supplierElsewhere.slot, table: moving.table }, 'ko');
    expect([clash.statusCode, clash.json().field]).toEqual([422, 'slot']);
    // Companies by name, the other meeting by its two companies: no codes.
    const company = (code: string) => plan.companies[code]!.company;
    expect(clash.json().message).toContain(`${company(moving.supplier)}은(는) 이 시간에 이미 상담(${company(supplierElsewhere.buyer)} ↔ ${company(moving.supplier)})이 있습니다`);
    const otherTable = plan.tables.find((table) => table !== moving.table)!;
    const wrongTable = await put({ slot: freeSlot!.id, table: otherTable });
    expect([wrongTable.statusCode, wrongTable.json().field]).toEqual([422, 'table']);
    expect(wrongTable.json().message).toBe(`Table: ${company(moving.buyer)} keeps table ${moving.table}.`);
    expect((await put({ slot: 'nowhen', table: moving.table })).json().field).toBe('slot');
    expect((await put({ slot: freeSlot!.id, table: moving.table, interpreter: plan.interpreters[0]!.id })).json().field).toBe('interpreter');
    const stale = await put({ slot: freeSlot!.id, table: moving.table, revision: plan.revision - 1 });
    expect([stale.statusCode, stale.json().field]).toEqual([409, 'revision']);
    const untouched = (await ctx.app.inject({ url: '/api/consultations/plan', headers: ctx.organiser })).json() as ConsultationPlan;
    expect([untouched.revision, untouched.assignments]).toEqual([plan.revision, plan.assignments]);

    const moved = await put({ slot: freeSlot!.id, table: moving.table });
    expect(moved.statusCode).toBe(200);
    const after = moved.json() as ConsultationPlan;
    expect(after.revision).toBe(plan.revision + 1);
    expect(after.assignments.find((a) => a.meeting === moving.meeting)).toMatchObject({ slot: freeSlot!.id, table: moving.table, pinned: true });
    expect(after.placed).toBe(plan.placed);

    const again = (await post('/api/consultations/plan/run', { seconds: 0.3 })).json() as ConsultationPlan;
    expect(again.assignments.find((a) => a.meeting === moving.meeting)).toMatchObject({ slot: freeSlot!.id, table: moving.table, pinned: true });
  });

  it('publishes only the revision the organiser looked at', async () => {
    const first = (await post('/api/consultations/plan/run', { seconds: 0.2 })).json() as ConsultationPlan;
    const second = (await post('/api/consultations/plan/run', { seconds: 0.2 })).json() as ConsultationPlan;
    const stale = await post('/api/consultations/plan/publish', { revision: first.revision }, 'fr');
    expect([stale.statusCode, stale.json().field]).toEqual([409, 'revision']);
    expect(stale.json().message).toContain('le plan a changé');
    expect(((await ctx.app.inject({ url: '/api/consultations/plan', headers: ctx.organiser })).json() as ConsultationPlan).published).toBe(false);
    const published = (await post('/api/consultations/plan/publish', { revision: second.revision })).json() as ConsultationPlan;
    expect([published.published, published.publishedRevision]).toEqual([true, second.revision]);
  });

  it('runs the engine off the server’s thread: progress goes out live, other requests are answered meanwhile, and a second run waits its turn', async () => {
    const baseUrl = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const live = await connectLive(baseUrl, ctx.organiser);
    live.send({ type: 'subscribe', topics: ['consultation-plan'] });
    await live.next((m) => m.type === 'subscribed');
    const call = (path: string, method = 'GET', body?: unknown) =>
      fetch(`${baseUrl}${path}`, { method, headers: { ...ctx.organiser, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    const finished: string[] = [];
    const run = call('/api/consultations/plan/run', 'POST', { seconds: 1.5 }).then((answer) => (finished.push('run'), answer));
    const progress = (await live.next((m) => m.type === 'event' && (m.event as { type: string }).type === 'plan.progress', 1500)).event as PlanProgress;
    expect(progress.total).toBe(111);
    const second = await call('/api/consultations/plan/run', 'POST', { seconds: 0.2 });
    expect([second.status, ((await second.json()) as { field: string }).field]).toEqual([409, 'plan']);
    const health = await call('/api/consultations/instance').then((answer) => (finished.push('instance'), answer));
    expect(health.status).toBe(200);
    expect(((await (await run).json()) as ConsultationPlan).placed).toBe(111);
    expect(finished).toEqual(['instance', 'run']);
    live.close();
  });

  it('is for organisers only', async () => {
    const staff = await signInAccount(ctx.app, 'floor');
    expect((await ctx.app.inject({ method: 'POST', url: '/api/consultations/plan/run', headers: staff, payload: {} })).statusCode).toBe(403);
    expect((await ctx.app.inject({ url: '/api/consultations/instance' })).statusCode).toBe(401);
  });
});
