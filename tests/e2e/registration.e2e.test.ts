import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useBrowserApp } from '../support/browser.ts';
import { aDelegate, organiserCredentials } from '../support/test-app.ts';

const session = useBrowserApp();

const registerByApi = async (overrides = {}) =>
  (await fetch(`${session.baseUrl}/api/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(aDelegate(overrides)) })).json() as Promise<{ id: number }>;

describe('delegate registration in the browser', () => {
  it('a Korean delegate registers in Korean, is told what is wrong in Korean, and reaches their page by the personal link', async () => {
    const context = await session.browser.newContext({ locale: 'ko-KR' });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    await page.goto(session.baseUrl);
    await expect.poll(() => page.locator('form h2').textContent()).toBe('대표단 참가 등록');
    expect(await page.locator('h1').textContent()).toBe('제18회 세계 클러스터 경쟁력 총회');
    // Where it is held reads in Korean too: no English city in a Korean screen.
    expect(await page.locator('.brand').textContent()).toBe('제18회 세계 클러스터 경쟁력 총회 · 대구');
    expect(await page.locator('header.congress').textContent()).toContain('대구');

    await page.fill('#field-givenName', '민준');
    await page.fill('#field-familyName', '김');
    // The badge's Latin name is suggested from the Hangul, and the delegate's own spelling wins.
    expect(await page.inputValue('#field-latinName')).toBe('Minjun KIM');
    await page.fill('#field-latinName', 'Min-jun KIM');
    await page.fill('#field-email', 'minjun.kim@example');
    await page.selectOption('#field-country', 'KR');
    await page.selectOption('#field-category', 'sme');
    await page.check('input[name=languages][value=ko]');
    await page.click('button[type=submit]');
    await expect.poll(() => page.locator('[data-field=email] .field__error').textContent()).toContain('올바른 이메일 주소를 입력해 주세요');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-email');

    await page.fill('#field-email', 'minjun.kim@example.kr');
    await page.click('button[type=submit]');
    const confirmation = page.getByTestId('confirmation');
    await expect.poll(() => confirmation.textContent()).toContain('제18회 세계 클러스터 경쟁력 총회 등록이 완료되었습니다. 환영합니다, 민준 님!');

    await page.getByTestId('personal-link').click();
    await expect.poll(() => page.getByTestId('full-name').textContent()).toBe('김민준');
    expect(await page.inputValue('#field-latinName')).toBe('Min-jun KIM');
    expect(page.url()).toBe(`${session.baseUrl}/me`);
    expect(await page.locator('.badge').first().textContent()).toBe('확정');
    // Saved beside the button, not as a change of status at the top.
    await page.fill('#field-organisation', 'KICOX');
    await page.getByRole('button', { name: '변경 내용 저장' }).click();
    await expect.poll(() => page.getByTestId('saved').textContent()).toBe('변경 내용이 저장되었습니다.');
    expect(await page.locator('.notice').count()).toBe(0);
    // Only the refused email of the first try is an error; a delegate who speaks for no company asks for no consultation day.
    expect(consoleErrors.filter((text) => !text.includes('400'))).toEqual([]);
    await context.close();
  });

  it('a Japanese delegate on a phone sees every mistake of the form at once, beside each field, and fixes them in one go', async () => {
    const context = await session.browser.newContext({ locale: 'ja-JP', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(session.baseUrl);
    await page.click('button[type=submit]');
    const errorOf = (field: string) => page.locator(`[data-field=${field}] .field__error`);
    await expect.poll(() => page.locator('.field__error').count()).toBeGreaterThanOrEqual(6);
    for (const field of ['givenName', 'familyName', 'email', 'country', 'category']) expect(await errorOf(field).textContent()).toContain('必須項目です');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-givenName');
    await page.screenshot({ path: 'test-results/registration-errors-ja-phone.png', fullPage: true });

    // A name pasted far too long is kept as pasted and refused on that field; what was typed stays.
    await page.fill('#field-givenName', '花'.repeat(5000));
    await page.fill('#field-familyName', '山田');
    await page.fill('#field-email', 'hanako.yamada@example.jp');
    await page.click('button[type=submit]');
    await expect.poll(() => errorOf('givenName').textContent()).toContain('100');
    expect(await errorOf('familyName').count()).toBe(0);
    expect(await errorOf('country').textContent()).toContain('必須項目です');
    expect(await page.inputValue('#field-email')).toBe('hanako.yamada@example.jp');

    await page.fill('#field-givenName', '花子');
    await page.selectOption('#field-country', 'JP');
    await page.selectOption('#field-category', 'university');
    await page.check('input[name=languages][value=ja]');
    await page.click('button[type=submit]');
    await expect.poll(() => page.getByTestId('confirmation').count()).toBe(1);
    await context.close();
  });

  it('switches language, remembers the choice and shows country names in it; fits a phone screen', async () => {
    const context = await session.browser.newContext({ locale: 'en-US', viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    await page.goto(session.baseUrl);
    await page.getByTestId('language-switcher').selectOption('es');
    await expect.poll(() => page.locator('form h2').textContent()).toBe('Inscripción de delegados');
    await page.reload();
    await expect.poll(() => page.locator('form h2').textContent()).toBe('Inscripción de delegados');
    expect(await page.locator('#field-country option[value=KR]').textContent()).toBe('Corea del Sur');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await context.close();
  });
});

describe('the organiser delegate desk in the browser', () => {
  it('signs in, sees a new delegate appear live, approves a pending one, downloads the CSV and closes registration', async () => {
    const context = await session.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${session.baseUrl}/organiser`);
    await page.fill('#field-email', organiserCredentials.email);
    await page.fill('#field-password', 'not the password');
    await page.click('button[type=submit]');
    await expect.poll(() => page.locator('[data-field=password] .field__error').textContent()).toContain('wrong');
    await page.fill('#field-password', organiserCredentials.password);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=delegates-page][data-live=on]');

    await page.getByTestId('total-count').waitFor();
    const newcomer = await registerByApi({ givenName: 'Ngozi', familyName: 'Okonjo', country: 'NG', category: 'international-organisation' });
    const row = page.locator(`tr[data-delegate-id="${newcomer.id}"]`);
    await expect.poll(() => row.textContent(), { timeout: 5000 }).toContain('Ngozi Okonjo');
    // Said to screen readers as well, politely.
    await expect.poll(() => page.getByTestId('live-announcement').textContent()).toBe('New registrations: 1');
    expect(await row.textContent()).toContain('Nigeria');

    const prankster = await registerByApi({ givenName: '<img src=x onerror="document.title=1">', familyName: '<b>Bold</b>' });
    const pranksterRow = page.locator(`tr[data-delegate-id="${prankster.id}"]`);
    await expect.poll(() => pranksterRow.locator('.name').textContent()).toBe('<img src=x onerror="document.title=1"> <b>Bold</b>');
    expect(await pranksterRow.locator('img, b').count()).toBe(0);

    const journalist = await registerByApi({ givenName: 'Wei', familyName: 'Zhang', country: 'CN', category: 'press' });
    const pendingRow = page.locator(`tr[data-delegate-id="${journalist.id}"]`);
    await expect.poll(() => pendingRow.locator('.badge').textContent()).toBe('Awaiting approval');
    await pendingRow.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => pendingRow.locator('.badge').textContent()).toBe('Confirmed');
    // Confirmed where the hand is, with a moment to take it back; then approved for good.
    const undoBar = page.getByTestId('undo-bar');
    expect(await undoBar.textContent()).toContain('Wei Zhang approved.');
    await undoBar.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => pendingRow.locator('.badge').textContent()).toBe('Awaiting approval');
    await expect.poll(() => undoBar.textContent()).toBe('Undone.');
    await pendingRow.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => pendingRow.locator('.badge').textContent()).toBe('Confirmed');

    // A capacity saved is confirmed beside its own category, not at the top of the page.
    const pressRow = page.locator('li[data-category=press]');
    await pressRow.getByLabel('Capacity').fill('80');
    await pressRow.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => pressRow.locator('[role=status]').textContent()).toBe('Capacity saved; 0 moved up from the waiting list.');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('Ngozi,Okonjo');
    expect(csv).toContain('Wei,Zhang');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Close registration' }).click();
    await page.waitForSelector('[data-testid=registration-switch][data-open=false]');
    const visitor = await context.newPage();
    await visitor.goto(session.baseUrl);
    await expect.poll(() => visitor.getByTestId('registration-closed').textContent()).toBe('Registration for the congress is closed.');
    await page.getByRole('button', { name: 'Open registration' }).click();
    await page.waitForSelector('[data-testid=registration-switch][data-open=true]');
    await context.close();
  });
});
