import { describe, expect, it } from 'vitest';
import type { ParticipantProfile } from '../../shared/consultation-directory-schema.ts';
import type { ConsultationPlan } from '../../shared/consultation-plan-schema.ts';
import { registerDelegate, useTestApp } from '../support/test-app.ts';

const ctx = useTestApp();

const linkedDelegate = async (code: string) => {
  const delegate = await registerDelegate(ctx.app);
  await ctx.app.inject({ method: 'PUT', url: `/api/consultations/participants/${code}/delegate`, headers: ctx.organiser, payload: { delegate: delegate.id } });
  return delegate;
};
const patch = (url: string, headers: Record<string, string>, payload: object, language = 'en') =>
  ctx.app.inject({ method: 'PATCH', url, headers: { ...headers, 'accept-language': language }, payload });
const stored = (code: string) => ctx.app.db.$client.prepare('select * from consultation_participants where code = ?').get(code) as Record<string, unknown>;

describe('editing buyer and supplier profiles', () => {
  it('a supplier edits their own profile; the other side finds it by the new product, in their language', async () => {
    const supplier = await linkedDelegate('S01');
    const changed = await patch('/api/me/consultation/profile', supplier.headers, {
      hsCodes: ['9018', '8708'],
      exportMarkets: ['IN', 'VN'],
      certifications: [' ISO 13485 '],
      miniCluster: 'medical parts',
    });
    expect(changed.statusCode).toBe(200);
    const profile = changed.json() as ParticipantProfile;
    expect(profile).toMatchObject({ code: 'S01', exportMarkets: ['IN', 'VN'], certifications: ['ISO 13485'], miniCluster: 'medical parts' });
    expect(profile.products.map((product) => product.hs)).toEqual(['9018', '8708']);
    expect((await ctx.app.inject({ url: '/api/me/consultation/profile', headers: supplier.headers })).json()).toEqual(profile);

    const buyer = await linkedDelegate('B01');
    const found = (await ctx.app.inject({ url: '/api/consultations/participants?hs=9018', headers: { ...buyer.headers, 'accept-language': 'zh' } })).json() as ParticipantProfile[];
    expect(found.find((p) => p.code === 'S01')?.products.find((p) => p.hs === '9018')?.name).toBe('医疗器械');
  });

  it('refuses fields of the other role, unknown codes and empty changes, naming the field in the user’s language, and stores nothing', async () => {
    const buyer = await linkedDelegate('B02');
    const before = stored('B02');
    const cases: [object, number, string][] = [
      [{ complex: 'gumi' }, 422, 'complex'],
      [{ exportMarkets: ['CN'] }, 422, 'exportMarkets'],
      [{ country: 'XX' }, 400, 'country'],
      [{ languages: ['en', 'qq'] }, 400, 'languages[1]'],
      [{ hsCodes: ['87'] }, 400, 'hsCodes[0]'],
      [{ available: ['d2-1000', 'at-midnight'] }, 422, 'available[1]'],
      [{ annualPurchaseUsd: -5 }, 400, 'annualPurchaseUsd'],
      [{}, 400, 'body'],
      [{ company: 'New name', role: 'supplier' }, 400, 'role'],
    ];
    for (const [payload, status, field] of cases) {
      const answer = await patch('/api/me/consultation/profile', buyer.headers, payload, 'ja');
      expect([answer.statusCode, answer.json().field], JSON.stringify(payload)).toEqual([status, field]);
    }
    expect((await patch('/api/me/consultation/profile', buyer.headers, { complex: 'gumi' }, 'ja')).json().message).toContain('相手側のプロフィール');
    expect(stored('B02')).toEqual(before);
    const other = await registerDelegate(ctx.app);
    expect((await patch('/api/me/consultation/profile', other.headers, { company: 'Not a participant' })).statusCode).toBe(403);
  });

  it('an organiser edits anyone’s profile, but not hours that would break a planned meeting', async () => {
    const plan = (await ctx.app.inject({ method: 'POST', url: '/api/consultations/plan/run', headers: ctx.organiser, payload: { seconds: 0.3 } })).json() as ConsultationPlan;
    const edited = await patch('/api/consultations/participants/B03', ctx.organiser, { annualPurchaseUsd: 12_000_000, wants: 'Gearboxes, FOB Busan' });
    expect([edited.statusCode, (edited.json() as ParticipantProfile).annualPurchaseUsd]).toEqual([200, 12_000_000]);

    const meeting = plan.assignments.find((a) => a.supplier === 'S05')!;
    const otherSlots = plan.slots.map((slot) => slot.id).filter((slot) => slot !== meeting.slot);
    const before = stored('S05');
    const refused = await patch('/api/consultations/participants/S05', ctx.organiser, { available: otherSlots }, 'ko');
    expect([refused.statusCode, refused.json().field]).toEqual([409, 'available']);
    // The meeting is named by its two companies.
    expect(refused.json().message).toContain(`상담 ${plan.companies[meeting.buyer]!.company} ↔ ${plan.companies['S05']!.company}`);
    expect(stored('S05')).toEqual(before);
    const allDay = await patch('/api/consultations/participants/S05', ctx.organiser, { available: plan.slots.map((slot) => slot.id) });
    expect(allDay.statusCode).toBe(200);
    expect(await ctx.app.inject({ method: 'PATCH', url: '/api/consultations/participants/S99', headers: ctx.organiser, payload: { company: 'X' } })).toMatchObject({ statusCode: 404 });
  });
});
