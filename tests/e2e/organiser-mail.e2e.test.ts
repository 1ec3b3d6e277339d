import { afterAll, describe, expect, it } from 'vitest';
import { useBrowserApp } from '../support/browser.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';
import { aDelegate, organiserCredentials } from '../support/test-app.ts';

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
const session = useBrowserApp(async () => {
  sink = await startSmtpSink();
  return { mail: { smtpUrl: sink.url, from: 'TCI 2015 <noreply@tci2015.example>', publicUrl: 'https://congress.example.org', sender: { pollMs: 20 } } };
});

afterAll(() => sink?.close());

const register = (overrides: Record<string, unknown>, language: string) =>
  fetch(`${session.baseUrl}/api/registrations`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': language }, body: JSON.stringify(aDelegate(overrides)) });

describe('an organiser’s mail, in the browser', () => {
  it('a Chinese organiser resets a forgotten password from the mailed link, then writes to the Vietnamese delegates and watches the delivery', async () => {
    await register({ givenName: 'Lan', familyName: 'Nguyễn', email: 'lan.e2e@example.vn', country: 'VN', languages: ['vi', 'en'] }, 'vi');
    await register({ givenName: 'Minh', familyName: 'Trần', email: 'minh.e2e@example.vn', country: 'VN', languages: ['vi', 'en'] }, 'en');
    await register({ givenName: 'Wei', familyName: 'Zhang', email: 'wei.e2e@example.cn', country: 'CN', languages: ['zh'] }, 'zh');
    await sink.waitFor(3);
    const context = await session.browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${session.baseUrl}/organiser/messages`);
    await page.getByRole('button', { name: '忘记密码？' }).click();
    await page.fill('#field-email', organiserCredentials.email);
    await page.getByRole('button', { name: '发送链接' }).click();
    await expect.poll(() => page.getByTestId('reset-sent').count()).toBe(1);
    const mail = (await sink.waitFor(4)).find((each) => each.to === organiserCredentials.email)!;
    expect(mail.subject).toBe('为18th TCI Global Conference设置新密码');
    const link = new URL(/https:\/\/congress\.example\.org\S+/.exec(mail.text)![0]);

    await page.goto(`${session.baseUrl}${link.pathname}${link.hash}`);
    await page.fill('#field-password', 'short');
    await page.getByRole('button', { name: '设置密码' }).click();
    await expect.poll(() => page.locator('[data-field=password] .field__error').textContent()).toContain('12');
    await page.fill('#field-password', 'a fresh passphrase for daegu');
    await page.getByRole('button', { name: '设置密码' }).click();
    await expect.poll(() => page.getByTestId('password-set').count()).toBe(1);
    await page.getByRole('link', { name: '返回登录' }).click();
    await page.fill('#field-email', organiserCredentials.email);
    await page.fill('#field-password', 'a fresh passphrase for daegu');
    await page.click('button[type=submit]');
    await page.getByRole('link', { name: '群发消息' }).click();

    // A message with a placeholder the product cannot fill is refused beside the text at fault.
    await page.fill('#field-subject-en', 'Buses to the tours of {congress}');
    await page.fill('#field-body-en', 'Dear {name},\n\nBuses leave EXCO at 08:00. Your seat: {seat}');
    await page.getByTestId('recipient-filter').locator('#filter-countries select').selectOption('VN');
    await page.getByRole('button', { name: '预览', exact: true }).click();
    await expect.poll(() => page.locator('#field-body .field__error').textContent()).toContain('{seat}');
    await page.fill('#field-body-en', 'Dear {name},\n\nBuses leave EXCO at 08:00.\n\nYour page: {link}');
    await page.getByRole('button', { name: '预览', exact: true }).click();
    const preview = page.getByTestId('mailing-preview');
    await expect.poll(() => preview.textContent()).toContain('收件人：2 人。');
    expect(await preview.textContent()).toContain('Dear Lan Nguyễn');
    await page.screenshot({ path: 'test-results/messages-preview-zh-phone.png', fullPage: true });
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('send-mailing').click();
    const delivery = page.getByTestId('mailing-delivery');
    await expect.poll(() => delivery.locator('tr[data-status=sent]').count(), { timeout: 10_000 }).toBe(2);
    expect(await delivery.textContent()).toContain('已处理 2/2');
    const sent = sink.received.filter((each) => each.subject === 'Buses to the tours of 18th TCI Global Conference');
    expect(sent.map((each) => each.to).sort()).toEqual(['lan.e2e@example.vn', 'minh.e2e@example.vn']);
    await context.close();
  });
});
