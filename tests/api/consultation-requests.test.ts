import { describe, expect, it } from 'vitest';
import type { MeetingRequest } from '../../shared/consultation-request-schema.ts';
import { registerDelegate, useTestApp } from '../support/test-app.ts';

const ctx = useTestApp();

const linked = async (code: string) => {
  const delegate = await registerDelegate(ctx.app);
  await ctx.app.inject({ method: 'PUT', url: `/api/consultations/participants/${code}/delegate`, headers: ctx.organiser, payload: { delegate: delegate.id } });
  return delegate.headers;
};
const ask = (headers: Record<string, string>, counterpart: string, message?: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/consultations/requests', headers, payload: { counterpart, ...(message ? { message } : {}) } });
const answer = (headers: Record<string, string>, meeting: string, action: 'accept' | 'decline') => ctx.app.inject({ method: 'POST', url: `/api/consultations/requests/${meeting}/${action}`, headers });
const requests = async (headers: Record<string, string>) => (await ctx.app.inject({ url: '/api/me/consultation/requests', headers })).json() as MeetingRequest[];
const statusOf = (meeting: string) => ctx.app.db.$client.prepare('select status from consultation_meetings where code = ?').pluck().get(meeting);

/** A buyer and a supplier with no meeting yet in the demo day. */
function unmatchedPair(): [string, string] {
  return ctx.app.db.$client
    .prepare(
      "select b.code, s.code from consultation_participants b, consultation_participants s where b.role = 'buyer' and s.role = 'supplier' and not exists (select 1 from consultation_meetings m where m.buyer_id = b.id and m.supplier_id = s.id) order by b.code, s.code limit 1",
    )
    .raw()
    .get() as [string, string];
}

describe('meeting requests', () => {
  it('a buyer asks a supplier with a message, the supplier accepts, and the meeting joins the day', async () => {
    const [buyerCode, supplierCode] = unmatchedPair();
    const buyer = await linked(buyerCode);
    const supplier = await linked(supplierCode);
    const asked = await ask(buyer, supplierCode, 'We buy 20k brake discs a month.');
    expect(asked.statusCode).toBe(201);
    const meeting = asked.json().meeting as string;
    expect(meeting).toBe('M112');
    expect((await requests(supplier)).find((r) => r.meeting === meeting)).toMatchObject({ direction: 'incoming', status: 'requested', message: 'We buy 20k brake discs a month.', counterpart: { code: buyerCode } });
    const again = await ask(buyer, supplierCode);
    expect([again.statusCode, again.json().field]).toEqual([409, 'counterpart']);
    // The one who asked cannot answer for the other side.
    expect((await answer(buyer, meeting, 'accept')).statusCode).toBe(403);
    expect((await answer(supplier, meeting, 'accept')).statusCode).toBe(204);
    expect(statusOf(meeting)).toBe('accepted');
    expect((await answer(supplier, meeting, 'decline')).statusCode).toBe(409);
    const plan = (await ctx.app.inject({ url: '/api/consultations/instance', headers: ctx.organiser })).json();
    expect(plan.meetings.map((m: { id: string }) => m.id)).toContain(meeting);
  });

  it('a declined request leaves the day alone and may be asked again', async () => {
    const [buyerCode, supplierCode] = unmatchedPair();
    const buyer = await linked(buyerCode);
    const supplier = await linked(supplierCode);
    const meeting = (await ask(buyer, supplierCode)).json().meeting as string;
    expect((await answer(supplier, meeting, 'decline')).statusCode).toBe(204);
    expect(statusOf(meeting)).toBe('declined');
    expect((await ask(supplier, buyerCode)).statusCode).toBe(201);
    expect(statusOf(meeting)).toBe('requested');
  });

  it('refuses the same side, unknown companies, and requests after the deadline, naming the field in the asker’s language', async () => {
    const buyer = await linked('B01');
    expect((await ask(buyer, 'B02')).json().field).toBe('counterpart');
    expect((await ask(buyer, 'S99')).statusCode).toBe(422);
    await ctx.app.inject({ method: 'PATCH', url: '/api/consultations/settings', headers: ctx.organiser, payload: { requestsCloseAt: '2015-10-30T18:00:00+09:00' } });
    const late = await ctx.app.inject({ method: 'POST', url: '/api/consultations/requests', headers: { ...buyer, 'accept-language': 'ja' }, payload: { counterpart: 'S30' } });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toContain('締め切られました');
  });

  it('caps a participant’s requests at the slots of the day, also when 20 requests race for the last place', async () => {
    // B10 attends only three slots and already has meetings: room for exactly one more.
    const held = ctx.app.db.$client.prepare("select count(*) from consultation_meetings m join consultation_participants b on b.id = m.buyer_id where b.code = 'B10'").pluck().get() as number;
    const slots = ctx.app.db.$client.prepare("select json_group_array(code) from (select code from consultation_slots order by starts_at limit ?)").pluck().get(held + 1) as string;
    ctx.app.db.$client.prepare("update consultation_participants set available = ? where code = 'B10'").run(slots);
    const buyer = await linked('B10');
    const suppliers = ctx.app.db.$client
      .prepare("select s.code from consultation_participants s where s.role = 'supplier' and not exists (select 1 from consultation_meetings m join consultation_participants b on b.id = m.buyer_id where b.code = 'B10' and m.supplier_id = s.id) limit 20")
      .pluck()
      .all() as string[];
    const answers = await Promise.all(suppliers.map((code) => ask(buyer, code)));
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.statusCode === 409 && a.json().field === 'counterpart')).toHaveLength(suppliers.length - 1);
  });

  it('organisers pre-match a pair with a priority, which also accepts a pending request', async () => {
    const [buyerCode, supplierCode] = unmatchedPair();
    const buyer = await linked(buyerCode);
    const meeting = (await ask(buyer, supplierCode)).json().meeting as string;
    const matched = await ctx.app.inject({ method: 'POST', url: '/api/consultations/meetings', headers: ctx.organiser, payload: { buyer: buyerCode, supplier: supplierCode, priority: 3 } });
    expect([matched.statusCode, matched.json().meeting]).toEqual([201, meeting]);
    expect(statusOf(meeting)).toBe('accepted');
    const twice = await ctx.app.inject({ method: 'POST', url: '/api/consultations/meetings', headers: ctx.organiser, payload: { buyer: buyerCode, supplier: supplierCode } });
    expect(twice.statusCode).toBe(409);
    const wrongSide = await ctx.app.inject({ method: 'POST', url: '/api/consultations/meetings', headers: ctx.organiser, payload: { buyer: 'S01', supplier: 'S02' } });
    expect([wrongSide.statusCode, wrongSide.json().field]).toEqual([422, 'buyer']);
  });
});
