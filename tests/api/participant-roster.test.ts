import { describe, expect, it } from 'vitest';
import type { ConsultationPlan } from '../../shared/consultation-plan-schema.ts';
import { recordDemoConsultationResults } from '../../server/consultations/demo-consultation.ts';
import { demoCongressId, useTestApp } from '../support/test-app.ts';

const ctx = useTestApp();
const send = (method: 'POST' | 'DELETE', url: string, payload?: Record<string, unknown>, language = 'en') =>
  ctx.app.inject({ method, url, headers: { ...ctx.organiser, 'accept-language': language }, ...(payload ? { payload } : {}) });
const buyer = { code: 'B19', role: 'buyer', company: 'Philips Medical Systems', country: 'NL', languages: ['nl', 'en'], hsCodes: ['9018'], annualPurchaseUsd: 2_500_000 };

describe('buyers and suppliers added and removed by hand', () => {
  it('adds a buyer with a profile, which the directory and the instance show; bad fields are named', async () => {
    const added = await send('POST', '/api/consultations/participants', buyer);
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ code: 'B19', role: 'buyer', company: 'Philips Medical Systems', products: [{ hs: '9018' }], annualPurchaseUsd: 2_500_000, available: null });
    const instance = (await ctx.app.inject({ url: '/api/consultations/instance', headers: ctx.organiser })).json();
    expect(instance.participants.find((p: { id: string }) => p.id === 'B19')).toEqual({ id: 'B19', role: 'buyer', languages: ['nl', 'en'] });

    const taken = await send('POST', '/api/consultations/participants', buyer, 'ja');
    expect([taken.statusCode, taken.json().field]).toEqual([409, 'code']);
    for (const [change, field, status] of [
      [{ country: 'XX' }, 'country', 400],
      [{ languages: ['zz'] }, 'languages[0]', 400],
      [{ hsCodes: ['9999'] }, 'hsCodes[0]', 400],
      [{ complex: 'seongseo' }, 'complex', 422],
      [{ code: 'B 20' }, 'code', 400],
    ] as const) {
      const refused = await send('POST', '/api/consultations/participants', { ...buyer, code: 'B20', ...change });
      expect([refused.statusCode, refused.json().field], JSON.stringify(change)).toEqual([status, field]);
    }
  });

  it('removes one none of whose meetings is planned, with its unplanned meetings, and refuses one with planned meetings, saying how many', async () => {
    await send('POST', '/api/consultations/participants', buyer);
    expect((await send('POST', '/api/consultations/meetings', { buyer: 'B19', supplier: 'S01' })).statusCode).toBe(201);
    const meetings = async () => ((await ctx.app.inject({ url: '/api/consultations/instance', headers: ctx.organiser })).json() as { meetings: { buyer: string }[] }).meetings;
    expect((await meetings()).filter((meeting) => meeting.buyer === 'B19')).toHaveLength(1);
    expect((await send('DELETE', '/api/consultations/participants/B19')).statusCode).toBe(204);
    expect((await meetings()).filter((meeting) => meeting.buyer === 'B19')).toHaveLength(0);
    expect((await send('DELETE', '/api/consultations/participants/B19')).statusCode).toBe(404);

    // A buyer who arrives late in the preparations, pre-matched with two suppliers and planned.
    await send('POST', '/api/consultations/participants', buyer);
    for (const supplier of ['S01', 'S02']) await send('POST', '/api/consultations/meetings', { buyer: 'B19', supplier });
    const plan = (await send('POST', '/api/consultations/plan/run', { seconds: 0.3 })).json() as ConsultationPlan;
    const planned = plan.assignments.filter((assignment) => assignment.buyer === 'B19');
    expect(planned).toHaveLength(2);
    const kept = await send('DELETE', '/api/consultations/participants/B19', undefined, 'fr');
    expect(kept.statusCode).toBe(409);
    expect(kept.json().message).toBe(`Participant : cette entreprise a ${planned.length} rendez-vous planifiés ; retirez-les d’abord du planning.`);

    // Taking its meetings out of the plan, one by one, on the revision looked at.
    const unplace = (meeting: string, revision: number, language = 'en') =>
      ctx.app.inject({ method: 'DELETE', url: `/api/consultations/plan/meetings/${meeting}?revision=${revision}`, headers: { ...ctx.organiser, 'accept-language': language } });
    const stale = await unplace(planned[0]!.meeting, plan.revision - 1);
    expect([stale.statusCode, stale.json().field]).toEqual([409, 'revision']);
    let revision = plan.revision;
    for (const assignment of planned) {
      const answer = await unplace(assignment.meeting, revision);
      expect(answer.statusCode, answer.body).toBe(200);
      const after = answer.json() as ConsultationPlan;
      expect(after.unscheduled.map((entry) => entry.meeting)).toContain(assignment.meeting);
      revision = after.revision;
    }
    const twice = await unplace(planned[0]!.meeting, revision, 'ko');
    expect([twice.statusCode, twice.json().field]).toEqual([409, 'meeting']);
    expect((await send('DELETE', '/api/consultations/participants/B19')).statusCode).toBe(204);
  });

  it('keeps a meeting whose outcome is recorded in the plan', async () => {
    // The 2015 results recorded on the demo day, as `npm run seed:demo -- --consultation-results` does.
    ctx.app.db.transaction((tx) => recordDemoConsultationResults(tx, demoCongressId(ctx.app)));
    const plan = (await send('POST', '/api/consultations/plan/run', { seconds: 0.3 })).json() as ConsultationPlan;
    const held = plan.assignments[0]!;
    const refused = await ctx.app.inject({ method: 'DELETE', url: `/api/consultations/plan/meetings/${held.meeting}?revision=${plan.revision}`, headers: ctx.organiser });
    expect([refused.statusCode, refused.json().field]).toEqual([409, 'meeting']);
  });
});
