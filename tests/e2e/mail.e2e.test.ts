import { afterAll, describe, expect, it } from 'vitest';
import { useBrowserApp } from '../support/browser.ts';
import { startSmtpSink } from '../support/smtp-sink.ts';

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
const session = useBrowserApp(async () => {
  sink = await startSmtpSink();
  // Links in messages point at the address the browser reaches; it is known once the server listens, so the test
  // follows the path of the link it receives.
  return { mail: { smtpUrl: sink.url, from: 'TCI 2015 <noreply@tci2015.example>', publicUrl: 'https://congress.example.org', sender: { pollMs: 20 } } };
});

afterAll(() => sink?.close());

describe('reaching people by mail, in the browser', () => {
  it('a Vietnamese delegate who closed the page asks for the link again and opens their page from the mail', async () => {
    const context = await session.browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(session.baseUrl);
    await page.fill('#field-givenName', 'Thị Lan');
    await page.fill('#field-familyName', 'Trần');
    await page.fill('#field-email', 'lan.tran@example.vn');
    await page.selectOption('#field-country', 'VN');
    await page.selectOption('#field-category', 'sme');
    await page.check('input[name=languages][value=vi]');
    await page.click('button[type=submit]');
    await page.getByTestId('confirmation').waitFor();
    const [welcome] = await sink.waitFor(1);
    expect(welcome!.subject).toBe('Đăng ký tham dự 18th TCI Global Conference của bạn đã được xác nhận');
    // The delegate closes the page without keeping the link.
    await context.close();

    const later = await session.browser.newContext({ locale: 'vi-VN', viewport: { width: 390, height: 844 } });
    const again = await later.newPage();
    await again.goto(session.baseUrl);
    await again.fill('#field-givenName', 'Thị Lan');
    await again.fill('#field-familyName', 'Trần');
    await again.fill('#field-email', 'lan.tran@example.vn');
    await again.selectOption('#field-country', 'VN');
    await again.selectOption('#field-category', 'sme');
    await again.check('input[name=languages][value=vi]');
    await again.click('button[type=submit]');
    // The address is taken: the form offers to send its link again, beside the field.
    await expect.poll(() => again.locator('[data-field=email] .field__error').textContent()).toContain('đã được đăng ký');
    await again.getByTestId('link-again').getByRole('button', { name: 'Gửi lại đường dẫn của tôi' }).click();
    await expect.poll(() => again.getByTestId('link-again').getByRole('status').textContent()).toContain('lan.tran@example.vn');
    await again.screenshot({ path: 'test-results/link-again-vi-phone.png', fullPage: true });

    const [, link] = await sink.waitFor(2);
    expect(link!.subject).toBe('Đường dẫn cá nhân của bạn cho 18th TCI Global Conference');
    const url = new URL(/https:\/\/congress\.example\.org\/\S+#token=\S+/.exec(link!.text)![0]);
    await again.goto(`${session.baseUrl}${url.pathname}${url.hash}`);
    await expect.poll(() => again.getByTestId('full-name').textContent()).toBe('Thị Lan Trần');
    await later.close();

    // The link of the first mail was replaced: it now opens nothing, and the page offers the way back.
    const stale = await session.browser.newContext({ locale: 'vi-VN' });
    const old = await stale.newPage();
    const first = new URL(/https:\/\/congress\.example\.org\/\S+#token=\S+/.exec(welcome!.text)![0]);
    await old.goto(`${session.baseUrl}${first.pathname}${first.hash}`);
    await expect.poll(() => old.getByTestId('no-link').textContent()).toContain('không còn mở được');
    expect(await old.getByTestId('link-again').count()).toBe(1);
    await stale.close();
  });
});
