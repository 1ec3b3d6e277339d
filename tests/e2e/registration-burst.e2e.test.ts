import { describe, expect, it } from 'vitest';
import { noAbuseLimits } from '../../server/abuse/abuse-limits.ts';
import { signInAt, useBrowserApp } from '../support/browser.ts';
import { aDelegate } from '../support/test-app.ts';

// From the tenth registration of one address within ten minutes, the form proves some work first.
const session = useBrowserApp(() => ({ limits: { ...noAbuseLimits, challengeAfterRegistrations: 10, challengeWindowMinutes: 10 } }));

describe('a burst of registrations', () => {
  it('a person behind a busy address still registers, after a short browser check; the organiser cancels the burst in one action', async () => {
    // A script registers ten delegates from this machine's address.
    for (let i = 0; i < 10; i++) {
      const answer = await fetch(`${session.baseUrl}/api/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(aDelegate({ familyName: `Bot${i}` })) });
      expect(answer.status).toBe(201);
    }

    const context = await session.browser.newContext({ locale: 'ko-KR' });
    const page = await context.newPage();
    await page.goto(session.baseUrl);
    await page.fill('#field-givenName', '서연');
    await page.fill('#field-familyName', '이');
    await page.fill('#field-email', 'seoyeon.lee@example.kr');
    await page.selectOption('#field-country', 'KR');
    await page.selectOption('#field-category', 'university');
    await page.check('input[name=languages][value=ko]');
    await page.click('button[type=submit]');
    await expect.poll(() => page.getByTestId('confirmation').textContent(), { timeout: 30_000 }).toContain('서연');
    await page.screenshot({ path: 'test-results/registration-after-proof-of-work-ko.png' });

    await page.evaluate(() => localStorage.clear());
    await signInAt(page, `${session.baseUrl}/organiser`);
    const bursts = page.getByTestId('registration-bursts');
    await expect.poll(() => bursts.locator('li').first().textContent()).toContain('127.0.0.1');
    expect(await bursts.locator('li').first().textContent()).toContain('등록 11건, 유효 11건');
    page.once('dialog', (dialog) => void dialog.accept());
    await bursts.getByRole('button', { name: '이 11건 취소' }).click();
    await expect.poll(() => bursts.locator('[role=status]').textContent()).toBe('등록 11건을 취소했습니다.');
    await expect.poll(() => page.getByTestId('count-cancelled').textContent()).toBe('11');
    await page.screenshot({ path: 'test-results/burst-cancelled-ko.png', fullPage: true });
    await context.close();
  });
});
