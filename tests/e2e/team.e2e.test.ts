import { describe, expect, it } from 'vitest';
import { signInAt, useBrowserApp } from '../support/browser.ts';

const session = useBrowserApp();

describe('the team in the browser', () => {
  it('a Korean organiser invites desk staff, who join in Vietnamese through the one-time link and reach the check-in desk', async () => {
    const organiserContext = await session.browser.newContext({ locale: 'ko-KR' });
    const page = await organiserContext.newPage();
    await signInAt(page, `${session.baseUrl}/organiser/team`);
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
    await expect.poll(() => staff.getByTestId('join-form').textContent()).toContain('với vai trò Quầy đón tiếp');
    await staff.fill('#field-displayName', 'Nguyễn Thị Lan');
    await staff.fill('#field-password', 'ngắn');
    await staff.getByRole('button', { name: 'Tạo tài khoản của tôi' }).click();
    await expect.poll(() => staff.locator('[data-field=password] .field__error').textContent()).toContain('Mật khẩu');
    await staff.fill('#field-password', 'một câu đủ dài để làm mật khẩu');
    await staff.getByRole('button', { name: 'Tạo tài khoản của tôi' }).click();
    await staff.waitForURL(`${session.baseUrl}/organiser/check-in`);
    expect(staff.url()).not.toContain('invite');
    // Desk staff see the screens of their role only.
    await expect.poll(() => staff.locator('nav.tabs a').allTextContents()).toEqual(['Đón tiếp', 'Các kỳ']);

    // The organiser's list shows her; she moves her to the floor, and the audit log says so in Korean.
    await page.reload();
    const row = page.locator('tr[data-account="lan@example.vn"]');
    await expect.poll(() => row.textContent()).toContain('Nguyễn Thị Lan');
    await row.getByRole('combobox', { name: 'Nguyễn Thị Lan의 역할' }).selectOption('floor');
    await expect.poll(() => row.getByRole('combobox').inputValue()).toBe('floor');
    await page.getByRole('link', { name: '감사 기록' }).click();
    await page.selectOption('#audit-area', 'account');
    await expect.poll(() => page.locator('[data-testid=audit-log] tbody tr').first().textContent()).toContain('역할 변경');
    await page.screenshot({ path: 'test-results/audit-ko.png', fullPage: true });
    // Her check-in screen is no longer hers: she lands on the floor board.
    await staff.reload();
    await staff.waitForURL(`${session.baseUrl}/organiser/floor`);
    const reuse = await fetch(`${session.baseUrl}/api/auth/invitations/accept`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: decodeURIComponent(link.split('#invite=')[1]!), displayName: 'X', password: 'another long passphrase' }) });
    expect(reuse.status).toBe(410);
    await staffContext.close();
    await organiserContext.close();
  });
});
