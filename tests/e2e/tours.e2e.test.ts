import { describe, expect, it } from 'vitest';
import { aDelegate } from '../support/test-app.ts';
import { signInAt, useBrowserApp } from '../support/browser.ts';

const session = useBrowserApp();

describe('cluster tours in the browser', () => {
  it('a delegate ranks tours in Chinese, the organiser runs and publishes the assignment, and the delegate sees their bus appear', async () => {
    const registration = (await (
      await fetch(`${session.baseUrl}/api/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(aDelegate({ givenName: 'Wei', familyName: 'Li', country: 'CN', languages: ['zh', 'en'] })),
      })
    ).json()) as { id: number; token: string };

    const delegateContext = await session.browser.newContext({ locale: 'zh-CN' });
    const delegatePage = await delegateContext.newPage();
    await delegatePage.goto(`${session.baseUrl}/me#token=${encodeURIComponent(registration.token)}`);
    const section = delegatePage.getByTestId('my-tours');
    await expect.poll(() => section.locator('h2').textContent()).toBe('产业集群考察 · 11月3日');
    await section.locator('li[data-tour=ulsan]').getByRole('button', { name: '加入我的选择' }).click();
    await section.locator('li[data-tour=changwon]').getByRole('button', { name: '加入我的选择' }).click();
    await section.getByTestId('save-tour-choices').click();
    await expect.poll(() => section.locator('[role=status]').textContent()).toBe('您的选择已保存。');
    expect(await section.getByTestId('tour-choices').locator('li > span:first-child').allTextContents()).toEqual([
      expect.stringContaining('Ulsan'),
      expect.stringContaining('Changwon'),
    ]);

    const organiserContext = await session.browser.newContext({ locale: 'en-GB' });
    const organiserPage = await organiserContext.newPage();
    organiserPage.on('dialog', (dialog) => void dialog.accept());
    await signInAt(organiserPage, `${session.baseUrl}/organiser/tours`);
    await organiserPage.waitForSelector('[data-testid=tours-page][data-live=on]');
    await organiserPage.getByTestId('run-tours').click();
    await expect.poll(() => organiserPage.getByTestId('tour-figures').textContent()).toContain('1 of 1 delegates with choices have a seat');
    await organiserPage.getByTestId('publish-tours').click();
    await expect.poll(() => organiserPage.getByTestId('tours-state').textContent()).toContain('Published');

    // The delegate's open page hears of it live: their bus, their first choice, in Chinese.
    const seat = section.getByTestId('tour-seat');
    await expect.poll(() => seat.textContent(), { timeout: 5000 }).toContain('Ulsan');
    const text = (await seat.textContent())!;
    expect(text).toContain('1 号车');
    expect(text).toContain('第1志愿');
    expect(text).toContain('集合地点：EXCO west hall main entrance, bus bay 3');
    expect(text).toContain('2015年11月3日');
    await expect.poll(() => section.locator('[role=status]').textContent()).toBe('您的考察座位已变更。');

    // At the bus door: the tick is confirmed at the foot of the screen and a wrong one is taken back on the spot.
    await organiserPage.locator('li.tour', { hasText: 'Ulsan' }).getByRole('link', { name: /Bus 1/ }).click();
    const manifest = organiserPage.getByTestId('bus-manifest');
    const row = manifest.locator('tr', { hasText: 'Wei Li' });
    await row.getByRole('button', { name: 'Board' }).click();
    const undoBar = organiserPage.getByTestId('undo-bar');
    await expect.poll(() => undoBar.textContent()).toContain('Wei Li on board.');
    expect(await row.getByRole('button', { name: 'Board' }).count()).toBe(0);
    await undoBar.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => row.getByRole('button', { name: 'Board' }).count()).toBe(1);
    await expect.poll(() => undoBar.textContent()).toBe('Undone.');
    await delegateContext.close();
    await organiserContext.close();
  });
});
