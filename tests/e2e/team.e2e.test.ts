import { describe, expect, it } from 'vitest';
import { useBrowserApp } from '../support/browser.ts';
import { organiserCredentials } from '../support/test-app.ts';

const session = useBrowserApp();

describe('the team in the browser', () => {
  it('a Korean organiser invites desk staff, who join in Vietnamese through the one-time link and reach the check-in desk', async () => {
    const organiserContext = await session.browser.newContext({ locale: 'ko-KR' });
    const page = await organiserContext.newPage();
    await page.goto(`${session.baseUrl}/organiser/team`);
    await page.fill('#field-email', organiserCredentials.email);
    await page.fill('#field-password', organiserCredentials.password);
    await page.click('button[type=submit]');
    const form = page.getByTestId('invite-form');
    await form.locator('#field-email').fill('lan@example');
    await form.getByRole('button', { name: '초대 링크 만들기' }).click();
    await expect.poll(() => form.locator('[data-field=email] .field__error').textContent()).toContain('이메일');
    await form.locator('#field-email').fill('lan@example.vn');
    await form.getByRole('button', { name: '초대 링크 만들기' }).click();
    const link = (await form.getByTestId('invite-link').textContent())!;
    expect(link).toMatch(new RegExp(`^${session.baseUrl}/join#invite=inv_`));
    await page.screenshot({ path: 'test-results/team-ko.png', fullPage: true });

    const staffContext = await session.browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 } });
    const staff = await staffContext.newPage();
    await staff.goto(link);
    await expect.poll(() => staff.locator('form h2').textContent()).toBe('Tham gia nhóm');
    await staff.fill('#field-displayName', 'Nguyễn Thị Lan');
    await staff.fill('#field-password', 'ngắn');
    await staff.getByRole('button', { name: 'Tạo tài khoản của tôi' }).click();
    await expect.poll(() => staff.locator('[data-field=password] .field__error').textContent()).toContain('Mật khẩu');
    await staff.fill('#field-password', 'một câu đủ dài để làm mật khẩu');
    await staff.getByRole('button', { name: 'Tạo tài khoản của tôi' }).click();
    await staff.waitForURL(`${session.baseUrl}/organiser/check-in`);
    expect(staff.url()).not.toContain('invite');

    // The organiser's list shows her; the link does not work twice.
    await page.reload();
    await expect.poll(() => page.locator('tr[data-account="lan@example.vn"]').textContent()).toContain('Nguyễn Thị Lan');
    const reuse = await fetch(`${session.baseUrl}/api/auth/invitations/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: decodeURIComponent(link.split('#invite=')[1]!), displayName: 'X', password: 'another long passphrase' }) });
    expect(reuse.status).toBe(410);
    await staffContext.close();
    await organiserContext.close();
  });
});
