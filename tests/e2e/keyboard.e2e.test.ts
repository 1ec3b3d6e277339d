import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ConsultationPlan } from '../../shared/consultation-plan-schema.ts';
import { holdSessionIn, useBrowserApp } from '../support/browser.ts';
import { aDelegate } from '../support/test-app.ts';

const session = useBrowserApp();

/**
 * Presses Tab from the top of the page until focus comes round again, and answers the visible controls it never
 * reached: each described by its tag, its name and where it is.
 */
async function unreachableByTab(page: Page): Promise<string[]> {
  const total = await page.evaluate(() => {
    const controls = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex], [role=button], [role=link], [role=tab]')].filter((element) => {
      if (element.matches(':disabled, [tabindex="-1"], input[type=hidden]')) return false;
      // Not shown (inside a closed <details>, hidden, or of no size): not expected to take the focus.
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && element.checkVisibility({ visibilityProperty: true });
    });
    controls.forEach((element, index) => element.setAttribute('data-kbd', String(index)));
    (document.activeElement as HTMLElement | null)?.blur();
    return controls.length;
  });
  const reached = new Set<string>();
  // A date or time input takes several presses (day, month, hour…); once round to the first control, all is seen.
  let first: string | null = null;
  let previous: string | null = null;
  for (let presses = 0; presses < total * 6 + 20; presses++) {
    await page.keyboard.press('Tab');
    const mark = await page.evaluate(() => document.activeElement?.getAttribute('data-kbd') ?? (document.activeElement === document.body ? 'body' : 'other'));
    if (mark === previous) continue;
    previous = mark;
    if (first === null) first = mark;
    else if (mark === first) break;
    reached.add(mark);
  }
  return page.evaluate(
    (seen) =>
      [...document.querySelectorAll<HTMLElement>('[data-kbd]')]
        .filter((element) => !seen.includes(element.getAttribute('data-kbd')!))
        .map((element) => `${element.tagName.toLowerCase()} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}" in ${element.closest('[data-testid], section, form, nav')?.getAttribute('data-testid') ?? element.closest('section, form, nav')?.tagName.toLowerCase() ?? 'page'}`),
    [...reached],
  );
}

describe('by keyboard alone', () => {
  it('every control of the delegate’s and the staff’s pages is reached with Tab, in Korean, at desktop and phone width', async () => {
    const delegate = (await (await fetch(`${session.baseUrl}/api/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(aDelegate()) })).json()) as { token: string };
    const organiser = session.organiser.authorization.replace(/^Bearer /, '');
    const missed: string[] = [];
    for (const width of [1280, 390]) {
      const context = await session.browser.newContext({ locale: 'ko-KR', viewport: { width, height: 900 } });
      await holdSessionIn(context, session.baseUrl, session.app, organiser);
      await context.addInitScript((personal) => localStorage.setItem('congress.delegateToken', personal), delegate.token);
      const page = await context.newPage();
      for (const path of ['/', '/programme', '/me', '/organiser', '/organiser/consultation', '/organiser/floor', '/organiser/check-in', '/organiser/tours', '/organiser/matching']) {
        await page.goto(`${session.baseUrl}${path}`);
        await page.waitForLoadState('networkidle');
        // Pages reload once their live channel is open; the controls are counted after that.
        await page.waitForTimeout(500);
        await page.waitForLoadState('networkidle');
        missed.push(...(await unreachableByTab(page)).map((control) => `${width} ${path}: ${control}`));
      }
      await context.close();
    }
    if (missed.length > 0) console.log(`UNREACHABLE\n${missed.join('\n')}`);
    expect(missed).toEqual([]);
  }, 240_000);

  it('an organiser moves a meeting of the grid to another slot with the keyboard only, through its Move menu', async () => {
    const plan = (await session.app.inject({ url: '/api/consultations/plan', headers: session.organiser })).json() as ConsultationPlan;
    const busy = (code: string) => new Set(plan.assignments.filter((a) => a.buyer === code || a.supplier === code).map((a) => a.slot));
    const meeting = plan.assignments.find((a) => a.interpreter === null && plan.slots.some((slot) => !busy(a.buyer).has(slot.id) && !busy(a.supplier).has(slot.id)))!;
    const target = plan.slots.find((slot) => !busy(meeting.buyer).has(slot.id) && !busy(meeting.supplier).has(slot.id))!;

    const context = await session.browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });
    await holdSessionIn(context, session.baseUrl, session.app, session.organiser.authorization);
    const page = await context.newPage();
    await page.goto(`${session.baseUrl}/organiser/consultation`);
    await page.waitForSelector('[data-testid=plan-grid]');
    // Tab to the meeting's Move button, as a keyboard user would.
    const move = page.locator(`.meeting-card[data-meeting="${meeting.meeting}"] button`);
    for (let presses = 0; presses < 1000 && !(await move.evaluate((button) => button === document.activeElement)); presses++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const placer = page.getByTestId(`place-${meeting.meeting}`);
    await expect.poll(() => placer.locator('select[name=slot]').evaluate((select) => select === document.activeElement)).toBe(true);
    const submitByKeyboard = async () => {
      await placer.locator('select[name=slot]').focus();
      while (!(await page.evaluate(() => document.activeElement?.tagName === 'BUTTON' && document.activeElement.closest('[data-testid^=place-]') !== null))) await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
    };
    // A slot where the buyer already meets someone: refused under the form, which stays open with the choice kept.
    const clash = plan.assignments.find((other) => other.buyer === meeting.buyer && other.meeting !== meeting.meeting)!;
    await placer.locator('select[name=slot]').selectOption(clash.slot);
    await submitByKeyboard();
    await expect.poll(() => page.getByTestId('placer-refusal').textContent()).toContain(plan.companies[meeting.buyer]!.company);
    expect(await placer.locator('select[name=slot]').inputValue()).toBe(clash.slot);
    await placer.locator('select[name=slot]').selectOption(target.id);
    await submitByKeyboard();
    await expect.poll(async () => ((await session.app.inject({ url: '/api/consultations/plan', headers: session.organiser })).json() as ConsultationPlan).assignments.find((a) => a.meeting === meeting.meeting)?.slot).toBe(target.id);
    // The focus comes back to the moved meeting's card.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.meeting-card')?.getAttribute('data-meeting'))).toBe(meeting.meeting);
    await context.close();
  });
});
