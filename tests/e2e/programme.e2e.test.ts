import { describe, expect, it } from 'vitest';
import { useBrowserApp } from '../support/browser.ts';

const session = useBrowserApp();

describe('the programme in the browser', () => {
  it('shows the three congress days in Japanese, times in Seoul time whatever the browser’s zone', async () => {
    const context = await session.browser.newContext({ locale: 'ja-JP', timezoneId: 'America/New_York' });
    const page = await context.newPage();
    await page.goto(`${session.baseUrl}/programme`);
    const programme = page.getByTestId('programme');
    await expect.poll(() => programme.locator('h1').textContent()).toBe('プログラム');
    expect(await programme.locator('h2').allTextContents()).toEqual(['2015年11月4日(水)', '2015年11月5日(木)', '2015年11月6日(金)']);
    const keynote = programme.locator('[data-session=keynote-1]');
    expect(await keynote.locator('.session__time').textContent()).toBe('10:30–11:30 · Auditorium (5F)');
    expect(await keynote.locator('h3').textContent()).toBe('基調講演 Keynote 1: Clusters in the creative economy');
    expect(await keynote.textContent()).toContain('講演者：Christian Ketels (Harvard Business School)');
    expect(await programme.locator('.session--keynote').count()).toBe(6);
    await programme.locator('[data-session=paper-01] summary').click();
    expect(await programme.locator('[data-session=paper-01] details li').count()).toBe(6);
    await context.close();
  });
});
