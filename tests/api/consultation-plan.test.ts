import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../server/consultations/engine/check-schedule.ts';
import type { ConsultationInstance, ConsultationSchedule } from '../../server/consultations/engine/contract.ts';
import type { ConsultationPlan } from '../../shared/consultation-plan-schema.ts';
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
    expect([before.placed, before.unscheduled.length]).toEqual([0, 111]);

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
    for (const entry of left) expect(entry.reason).toContain('S01');
    const published = await post('/api/consultations/plan/publish');
    expect((published.json() as ConsultationPlan).published).toBe(true);
  });

  it('is for organisers only', async () => {
    const staff = await signInAccount(ctx.app, 'staff');
    expect((await ctx.app.inject({ method: 'POST', url: '/api/consultations/plan/run', headers: staff, payload: {} })).statusCode).toBe(403);
    expect((await ctx.app.inject({ url: '/api/consultations/instance' })).statusCode).toBe(401);
  });
});
