import { describe, expect, it } from 'vitest';
import type { ConsultationPlan } from '../../shared/consultation-plan-schema.ts';
import type { ConsultationInstance } from '../../server/consultations/engine/contract.ts';
import { signInAt, useBrowserApp } from '../support/browser.ts';

const session = useBrowserApp();
const read = async <T,>(path: string) => (await session.app.inject({ url: path, headers: session.organiser })).json() as T;

describe('the consultation cockpit in the browser', () => {
  it('a Korean organiser drags a meeting by company names: onto another buyer’s table it is refused beside the cell and stays; onto a free cell it lands, pinned', async () => {
    const plan = await read<ConsultationPlan>('/api/consultations/plan');
    const instance = await read<ConsultationInstance>('/api/consultations/instance');
    const busy = (slot: string, code: string) => plan.assignments.some((assignment) => assignment.slot === slot && (assignment.buyer === code || assignment.supplier === code));
    const availableAt = (slot: string, code: string) => {
      const participant = instance.participants.find((each) => each.id === code)!;
      return !participant.available || participant.available.includes(slot);
    };
    // A meeting of the buyer at T01, a slot where T02 (another buyer's table) is free, and a free slot the meeting can move to at T01.
    const meeting = plan.assignments.find((assignment) => assignment.table === 'T01')!;
    const refusedSlot = plan.slots.find((slot) => !plan.assignments.some((assignment) => assignment.slot === slot.id && assignment.table === 'T02'))!.id;
    const freeSlot = plan.slots.find(
      (slot) => !plan.assignments.some((assignment) => assignment.slot === slot.id && assignment.table === 'T01') && !busy(slot.id, meeting.buyer) && !busy(slot.id, meeting.supplier) && availableAt(slot.id, meeting.supplier),
    )!.id;

    const context = await session.browser.newContext({ locale: 'ko-KR', viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await signInAt(page, `${session.baseUrl}/organiser/consultation`);
    const grid = page.getByTestId('plan-grid');
    const card = grid.locator(`.meeting-card[data-meeting="${meeting.meeting}"]`);
    // Companies by name; codes only on hover.
    expect(await card.textContent()).toContain(plan.companies[meeting.buyer]!.company);
    expect(await card.textContent()).toContain(plan.companies[meeting.supplier]!.company);
    expect(await card.getAttribute('title')).toContain(meeting.meeting);

    const refusedCell = grid.locator(`td[data-slot="${refusedSlot}"][data-table="T02"]`);
    await card.dragTo(refusedCell);
    await expect.poll(() => refusedCell.getByTestId('grid-refusal').textContent()).toContain('테이블');
    expect((await read<ConsultationPlan>('/api/consultations/plan')).assignments.find((assignment) => assignment.meeting === meeting.meeting)).toMatchObject({ slot: meeting.slot, table: 'T01' });
    await page.screenshot({ path: 'test-results/consultation-grid-refused-ko.png' });

    const freeCell = grid.locator(`td[data-slot="${freeSlot}"][data-table="T01"]`);
    await card.dragTo(freeCell);
    await expect.poll(() => freeCell.locator(`.meeting-card[data-meeting="${meeting.meeting}"]`).count()).toBe(1);
    expect(await freeCell.textContent()).toContain('고정됨');
    expect((await read<ConsultationPlan>('/api/consultations/plan')).assignments.find((assignment) => assignment.meeting === meeting.meeting)).toMatchObject({ slot: freeSlot, table: 'T01', pinned: true });

    // Dropped on the list of meetings without a place, it leaves the plan; by keyboard, its Move button puts it back.
    await freeCell.locator('.meeting-card').dragTo(page.getByTestId('grid-unplaced'));
    await expect.poll(() => page.getByTestId('grid-unplaced').locator(`.meeting-card[data-meeting="${meeting.meeting}"]`).count()).toBe(1);
    await page.getByTestId('grid-unplaced').locator(`.meeting-card[data-meeting="${meeting.meeting}"]`).getByRole('button').focus();
    await page.keyboard.press('Enter');
    const placer = page.getByTestId(`place-${meeting.meeting}`);
    await placer.locator('select[name=slot]').selectOption(meeting.slot);
    await placer.locator('select[name=table]').selectOption('T01');
    await placer.getByRole('button', { name: '배치' }).click();
    await expect.poll(() => grid.locator(`td[data-slot="${meeting.slot}"][data-table="T01"] .meeting-card`).getAttribute('data-meeting')).toBe(meeting.meeting);
    await context.close();
  });
});
