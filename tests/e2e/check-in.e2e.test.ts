import { describe, expect, it } from 'vitest';
import { badgeCode, badgeSecret } from '../../server/check-in/badge-token.ts';
import { useBrowserApp } from '../support/browser.ts';
import { aDelegate, organiserCredentials } from '../support/test-app.ts';

const session = useBrowserApp();

describe('check-in at the door in the browser', () => {
  it('a desk checks a badge in, a second scan says when and where, a forged code is refused, and another desk’s count moves live', async () => {
    const delegate = (await (
      await fetch(`${session.baseUrl}/api/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(aDelegate({ givenName: '翔太', familyName: '佐藤', country: 'JP', organisation: 'Kyushu Cluster' })) })
    ).json()) as { id: number };
    const code = badgeCode(badgeSecret(session.app.db, session.app.congressId), delegate.id);

    const openDesk = async (desk: string) => {
      const context = await session.browser.newContext({ locale: 'ja-JP' });
      const page = await context.newPage();
      await page.goto(`${session.baseUrl}/organiser/check-in`);
      await page.fill('#field-email', organiserCredentials.email);
      await page.fill('#field-password', organiserCredentials.password);
      await page.click('button[type=submit]');
      await expect.poll(() => page.getByTestId('check-in-count').count()).toBe(1);
      await page.locator('input[name=desk]').fill(desk);
      return { context, page };
    };
    const one = await openDesk('受付1');
    const two = await openDesk('受付2');
    const before = await two.page.getByTestId('check-in-count').textContent();

    await one.page.locator('input[name=badgeCode]').fill(code);
    await one.page.getByRole('button', { name: 'チェックイン' }).click();
    const result = one.page.getByTestId('check-in-result');
    await expect.poll(() => result.textContent()).toContain('佐藤翔太');
    expect(await result.textContent()).toContain('ようこそ！チェックインしました。');
    // The other desk's count moves without a reload.
    await expect.poll(() => two.page.getByTestId('check-in-count').textContent(), { timeout: 2000 }).not.toBe(before);

    await two.page.locator('input[name=badgeCode]').fill(code);
    await two.page.getByRole('button', { name: 'チェックイン' }).click();
    await expect.poll(() => two.page.getByTestId('check-in-result').textContent()).toMatch(/\d{1,2}:\d{2}に受付1でチェックイン済みです。/);

    await two.page.locator('input[name=badgeCode]').fill(code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A'));
    await two.page.getByRole('button', { name: 'チェックイン' }).click();
    await expect.poll(() => two.page.getByTestId('check-in-result').textContent()).toBe('名札コード：この名札は総会が発行したものではありません。');
    await one.context.close();
    await two.context.close();
  });
});
