import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsultationPlan } from '../../shared/consultation-plan-schema.ts';
import type { FloorBoard, RebookingProposal } from '../../shared/consultation-floor-schema.ts';
import { connectLive } from '../support/live-client.ts';
import { registerDelegate, signInAccount, signInOrganiser, startTestApp } from '../support/test-app.ts';

type App = Awaited<ReturnType<typeof startTestApp>>['app'];
let app: App;
let organiser: { authorization: string };
let staff: { authorization: string };
beforeEach(async () => {
  ({ app } = await startTestApp());
  organiser = await signInOrganiser(app);
  staff = await signInAccount(app, 'floor');
  await app.inject({ method: 'POST', url: '/api/consultations/plan/run', headers: organiser, payload: { seconds: 0.3 } });
});
afterEach(async () => app.close());

const board = async (at: string) => (await app.inject({ url: `/api/consultations/floor?at=${encodeURIComponent(at)}`, headers: staff })).json() as FloorBoard;
const plan = async () => (await app.inject({ url: '/api/consultations/plan', headers: organiser })).json() as ConsultationPlan;

/** A meeting in the 10:30 slot, and a new pre-match for its buyer with a supplier who has no meeting with them yet. */
async function noShowWithWaitingMeeting() {
  const placed = (await plan()).assignments.find((row) => row.slot === 'd2-1030')!;
  const supplier = app.db.$client
    .prepare(
      "select s.code from consultation_participants s where s.role = 'supplier' and s.available is null and not exists (select 1 from consultation_meetings m join consultation_participants b on b.id = m.buyer_id where b.code = ? and m.supplier_id = s.id) order by s.code limit 1",
    )
    .pluck()
    .get(placed.buyer) as string;
  const waiting = (await app.inject({ method: 'POST', url: '/api/consultations/meetings', headers: organiser, payload: { buyer: placed.buyer, supplier, priority: 2 } })).json().meeting as string;
  return { placed, waiting, supplier };
}

describe('the consultation floor', () => {
  it('shows each table’s meeting now and next, and who has arrived', async () => {
    const at1005 = await board('2015-11-04T10:05:00+09:00');
    expect([at1005.now?.code, at1005.next?.code]).toEqual(['d2-1000', 'd2-1030']);
    const t01 = at1005.tables.find((row) => row.table === 'T01')!;
    expect(t01.now?.buyer.code ?? t01.next?.buyer.code).toBe('B01');
    expect((await app.inject({ method: 'POST', url: '/api/consultations/floor/arrivals', headers: staff, payload: { participant: 'B01' } })).statusCode).toBe(204);
    const after = (await board('2015-11-04T10:05:00+09:00')).tables.flatMap((row) => [row.now, row.next]).filter((m) => m?.buyer.code === 'B01');
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((m) => m!.buyer.arrived)).toBe(true);
    // Interpreters are named, with their code beside for staff who use it.
    const interpreted = at1005.tables.flatMap((row) => [row.now, row.next]).find((m) => m?.interpreter)!;
    const name = app.db.$client.prepare('select name from consultation_interpreters where code = ?').pluck().get(interpreted.interpreter!.code) as string;
    expect(interpreted.interpreter).toEqual({ code: expect.stringMatching(/^I-/), name });
    expect(name).not.toMatch(/^I-/);
    const lunch = await board('2015-11-04T12:30:00+09:00');
    expect([lunch.now, lunch.next?.code]).toEqual([null, 'd2-1330']);
  });

  it('after a no-show proposes a place for a waiting meeting, never before the no-show’s slot, and books it', async () => {
    const { placed, waiting } = await noShowWithWaitingMeeting();
    const answer = await app.inject({ method: 'POST', url: `/api/consultations/meetings/${placed.meeting}/no-show`, headers: staff });
    expect(answer.statusCode).toBe(200);
    const proposal = answer.json() as RebookingProposal;
    const booked = proposal.proposals.find((p) => p.meeting === waiting)!;
    expect(booked).toBeDefined();
    expect(Date.parse(booked.startsAt)).toBeGreaterThanOrEqual(Date.parse('2015-11-04T10:30:00+09:00'));
    const before = await plan();
    expect((await app.inject({ method: 'POST', url: '/api/consultations/rebookings', headers: staff, payload: proposal })).statusCode).toBe(204);
    const after = await plan();
    expect(after.placed).toBe(before.placed + proposal.proposals.length);
    // Nothing already placed moved.
    for (const row of before.assignments) expect(after.assignments.find((a) => a.meeting === row.meeting)).toEqual(row);
    const noShowBoard = (await board(placed.startsAt)).tables.find((row) => row.table === placed.table)!;
    expect(noShowBoard.now?.attendance).toBe('no-show');
  });

  it('takes a walk-in pair at the desk and proposes a place in a slot that has not begun, moving nothing', async () => {
    const before = await plan();
    // A buyer with free slots in the afternoon, and an all-day supplier they have no meeting with.
    const busy = (code: string) => new Set(before.assignments.filter((a) => a.buyer === code || a.supplier === code).map((a) => a.slot));
    const buyer = before.assignments.map((a) => a.buyer).find((code) => before.slots.filter((slot) => slot.start >= '2015-11-04T13:30' && !busy(code).has(slot.id)).length >= 2)!;
    const supplier = app.db.$client
      .prepare(
        "select s.code from consultation_participants s where s.role = 'supplier' and s.available is null and not exists (select 1 from consultation_meetings m join consultation_participants b on b.id = m.buyer_id where b.code = ? and m.supplier_id = s.id) order by s.code limit 1",
      )
      .pluck()
      .get(buyer) as string;
    const at = '2015-11-04T13:10:00+09:00';
    const answer = await app.inject({ method: 'POST', url: '/api/consultations/floor/walk-ins', headers: staff, payload: { buyer, supplier, at } });
    expect(answer.statusCode).toBe(201);
    const proposal = answer.json() as RebookingProposal;
    const place = proposal.proposals.find((p) => p.meeting === proposal.walkIn)!;
    expect(place).toMatchObject({ buyer, supplier });
    expect(Date.parse(place.startsAt)).toBeGreaterThanOrEqual(Date.parse(at));
    expect((await app.inject({ method: 'POST', url: '/api/consultations/rebookings', headers: staff, payload: proposal })).statusCode).toBe(204);
    const after = await plan();
    expect(after.assignments.find((a) => a.meeting === proposal.walkIn)).toMatchObject({ slot: place.slot, table: place.table });
    for (const row of before.assignments) expect(after.assignments.find((a) => a.meeting === row.meeting)).toEqual(row);

    const again = await app.inject({ method: 'POST', url: '/api/consultations/floor/walk-ins', headers: { ...staff, 'accept-language': 'es' }, payload: { buyer, supplier, at } });
    expect([again.statusCode, again.json().field]).toEqual([409, 'supplier']);
    const unknown = await app.inject({ method: 'POST', url: '/api/consultations/floor/walk-ins', headers: staff, payload: { buyer: 'B99', supplier, at } });
    expect([unknown.statusCode, unknown.json().field]).toEqual([422, 'buyer']);
  });

  it('books a freed place once when two staff accept re-bookings at the same moment', async () => {
    const { placed } = await noShowWithWaitingMeeting();
    const proposal = (await app.inject({ method: 'POST', url: `/api/consultations/meetings/${placed.meeting}/no-show`, headers: staff })).json() as RebookingProposal;
    expect(proposal.proposals.length).toBeGreaterThan(0);
    const answers = await Promise.all([1, 2].map(() => app.inject({ method: 'POST', url: '/api/consultations/rebookings', headers: staff, payload: proposal })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([204, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json().field).toBe('revision');
    const assignments = (await plan()).assignments;
    expect(new Set(assignments.map((a) => a.meeting)).size).toBe(assignments.length);
  });

  it('tells the floor’s screens and the affected buyer’s page live', async () => {
    const { placed, supplier } = await noShowWithWaitingMeeting();
    const buyer = await registerDelegate(app);
    await app.inject({ method: 'PUT', url: `/api/consultations/participants/${placed.buyer}/delegate`, headers: organiser, payload: { delegate: buyer.id } });
    const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const floor = await connectLive(baseUrl, staff);
    floor.send({ type: 'subscribe', topics: ['consultations'] });
    await floor.next((m) => m.type === 'subscribed');
    const page = await connectLive(baseUrl, buyer.headers);
    page.send({ type: 'subscribe', topics: [`delegate:${buyer.id}`] });
    await page.next((m) => m.type === 'subscribed');
    const proposal = (await app.inject({ method: 'POST', url: `/api/consultations/meetings/${placed.meeting}/no-show`, headers: staff })).json() as RebookingProposal;
    await floor.next((m) => m.type === 'event' && (m.event as { type: string }).type === 'floor.changed', 1000);
    expect(proposal.proposals.some((p) => p.supplier === supplier)).toBe(true);
    await app.inject({ method: 'POST', url: '/api/consultations/rebookings', headers: staff, payload: proposal });
    await page.next((m) => m.type === 'event' && (m.event as { type: string }).type === 'consultation.changed', 1000);
    floor.close();
    page.close();
  });

  it('is for staff and organisers', async () => {
    const delegate = await registerDelegate(app);
    expect((await app.inject({ url: '/api/consultations/floor', headers: delegate.headers })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/consultations/floor' })).statusCode).toBe(401);
  });
});
