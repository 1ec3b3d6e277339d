import { describe, expect, it } from 'vitest';
import type { ConsultationPlan } from '../../shared/consultation-plan-schema.ts';
import { aDelegate, publishConsultationPlan } from '../support/test-app.ts';
import { signInAt, useBrowserApp } from '../support/browser.ts';

const session = useBrowserApp();

describe('the consultation floor in the browser', () => {
  it('a no-show marked on the table board leads to a re-booking that appears live on the buyer’s page', async () => {
    // The demo day starts planned and not yet held: the morning is still to come.
    const plan = (await session.app.inject({ url: '/api/consultations/plan', headers: session.organiser })).json() as ConsultationPlan;
    const first = plan.assignments.find((row) => row.slot === 'd2-1000')!;
    // A meeting the buyer still waits for: the no-show makes room for it.
    const supplier = session.app.db.$client
      .prepare("select s.code from consultation_participants s where s.role = 'supplier' and s.available is null and not exists (select 1 from consultation_meetings m join consultation_participants b on b.id = m.buyer_id where b.code = ? and m.supplier_id = s.id) order by s.code limit 1")
      .pluck()
      .get(first.buyer) as string;
    const waiting = (await session.app.inject({ method: 'POST', url: '/api/consultations/meetings', headers: session.organiser, payload: { buyer: first.buyer, supplier, priority: 2 } })).json().meeting as string;
    await publishConsultationPlan(session.app, session.organiser);
    const buyer = (await (await fetch(`${session.baseUrl}/api/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(aDelegate({ languages: ['en'] })) })).json()) as { id: number; token: string };
    await session.app.inject({ method: 'PUT', url: `/api/consultations/participants/${first.buyer}/delegate`, headers: session.organiser, payload: { delegate: buyer.id } });

    const buyerContext = await session.browser.newContext({ locale: 'en-IN' });
    const buyerPage = await buyerContext.newPage();
    await buyerPage.goto(`${session.baseUrl}/me#token=${encodeURIComponent(buyer.token)}`);
    const day = buyerPage.getByTestId('my-consultation');
    // Published without a place yet: the waiting meeting shows no time.
    const waitingItem = day.locator(`li[data-meeting=${waiting}] h3`);
    await expect.poll(() => waitingItem.textContent()).toBe('Time and table to be set');

    const staffContext = await session.browser.newContext({ locale: 'vi-VN' });
    const staffPage = await staffContext.newPage();
    staffPage.on('dialog', (dialog) => void dialog.accept());
    await signInAt(staffPage, `${session.baseUrl}/organiser/floor`);
    await staffPage.waitForSelector('[data-testid=floor-board][data-live=on]');
    const t01 = staffPage.locator(`tr[data-table=${first.table}]`);
    await expect.poll(() => t01.locator(`[data-meeting=${first.meeting}]`).count()).toBe(1);
    await t01.getByRole('button', { name: 'Vắng mặt' }).click();
    const rebooking = staffPage.getByTestId('rebooking');
    // Proposals name the companies, not their codes.
    const companyOf = (code: string) => plan.companies[code]?.company ?? (session.app.db.$client.prepare('select company from consultation_participants where code = ?').pluck().get(code) as string);
    await expect.poll(() => rebooking.textContent()).toContain(companyOf(supplier));
    await rebooking.getByRole('button', { name: 'Xếp các cuộc gặp này' }).click();
    await expect.poll(() => staffPage.locator('.notice[role=status]').textContent()).toBe('Đã xếp.');
    await expect.poll(() => t01.textContent()).toContain('vắng mặt');

    // The buyer's open page shows the meeting's new time and table without a reload.
    await expect.poll(() => waitingItem.textContent(), { timeout: 5000 }).toMatch(/^.*2015.* · T\d\d$/);

    // A walk-in at the desk: the same buyer asks to meet one more supplier; once booked, it is on the buyer's page.
    const meetingsBefore = await day.locator('li[data-meeting]').count();
    const another = session.app.db.$client
      .prepare(
        "select s.code from consultation_participants s where s.role = 'supplier' and s.available is null and not exists (select 1 from consultation_meetings m join consultation_participants b on b.id = m.buyer_id where b.code = ? and m.supplier_id = s.id) order by s.code desc limit 1",
      )
      .pluck()
      .get(first.buyer) as string;
    const walkIn = staffPage.getByTestId('walk-in');
    // Both companies picked by name, as the desk's list offers them.
    await walkIn.locator('input[name=buyer]').fill(companyOf(first.buyer).toLowerCase());
    await walkIn.locator('input[name=supplier]').fill(`${companyOf(another)} (${another})`);
    await walkIn.getByRole('button', { name: 'Tìm chỗ' }).click();
    await expect.poll(() => rebooking.textContent()).toContain(`${companyOf(first.buyer)} ↔ ${companyOf(another)}`);
    await rebooking.getByRole('button', { name: 'Xếp các cuộc gặp này' }).click();
    await expect.poll(() => day.locator('li[data-meeting]').count(), { timeout: 5000 }).toBe(meetingsBefore + 1);
    // Booked: every meeting on the page, the walk-in too, has its time and table.
    await expect.poll(async () => (await day.locator('li[data-meeting] h3').allTextContents()).every((title) => / · T\d\d$/.test(title)), { timeout: 5000 }).toBe(true);
    await buyerContext.close();
    await staffContext.close();
  });
});
