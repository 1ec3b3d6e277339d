import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useBrowserApp } from '../support/browser.ts';
import { aDelegate } from '../support/test-app.ts';

const session = useBrowserApp();

describe('a delegate’s own data in the browser', () => {
  it('a Russian delegate downloads everything stored about them, then erases it; the link then opens nothing', async () => {
    const created = (await (
      await fetch(`${session.baseUrl}/api/registrations`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': 'ru' }, body: JSON.stringify(aDelegate({ givenName: 'Анна', familyName: 'Иванова', email: 'anna.ivanova@example.ru', country: 'RU', languages: ['ru', 'en'] })) })
    ).json()) as { id: number; token: string };
    const context = await session.browser.newContext({ locale: 'ru-RU', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${session.baseUrl}/me#token=${encodeURIComponent(created.token)}`);
    const data = page.getByTestId('my-data');
    const [download] = await Promise.all([page.waitForEvent('download'), data.getByRole('button', { name: 'Скачать мои данные' }).click()]);
    expect(download.suggestedFilename()).toBe('my-data-tci-2015-daegu.json');
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported.registration).toMatchObject({ givenName: 'Анна', familyName: 'Иванова', email: 'anna.ivanova@example.ru' });

    await data.getByRole('button', { name: 'Удалить регистрацию и данные' }).click();
    await expect.poll(() => page.getByTestId('erased').textContent()).toContain('удалены');
    await page.screenshot({ path: 'test-results/erased-ru-phone.png', fullPage: true });
    const row = session.app.db.$client.prepare('select given_name, email from delegates where id = ?').get(created.id);
    expect(row).toEqual({ given_name: '', email: `erased-${created.id}@erased.invalid` });
    // The page forgot the link; opened again, the old one opens nothing.
    await page.goto(`${session.baseUrl}/me`);
    await expect.poll(() => page.getByTestId('no-link').count()).toBe(1);
    await context.close();
    const later = await (await session.browser.newContext({ locale: 'ru-RU' })).newPage();
    await later.goto(`${session.baseUrl}/me#token=${encodeURIComponent(created.token)}`);
    await expect.poll(() => later.getByTestId('no-link').textContent()).toContain('больше не открывает');
    await later.context().close();
  });
});
