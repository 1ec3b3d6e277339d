import { describe, expect, it } from 'vitest';
import { signInAt, useBrowserApp } from '../support/browser.ts';
import { pdfPages } from '../support/pdf-text.ts';
import { aDelegate } from '../support/test-app.ts';
import { readFileSync } from 'node:fs';

const session = useBrowserApp();

describe('visa invitation letters in the browser', () => {
  it('a delegate asks in Russian, an organiser issues the letter in Korean, and the verification page confirms it', async () => {
    const created = (await (
      await fetch(`${session.baseUrl}/api/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'ru' },
        body: JSON.stringify(aDelegate({ givenName: 'Анна', familyName: 'Иванова', email: 'anna.visa@example.ru', country: 'RU', languages: ['ru', 'en'], organisation: 'Томский кластер' })),
      })
    ).json()) as { id: number; token: string };

    // The delegate, on a phone in Russian: first an expired passport, refused beside its field, then the right one.
    const delegateContext = await session.browser.newContext({ locale: 'ru-RU', viewport: { width: 390, height: 844 } });
    const me = await delegateContext.newPage();
    await me.goto(`${session.baseUrl}/me#token=${encodeURIComponent(created.token)}`);
    const section = me.getByTestId('my-visa-letter');
    await section.getByRole('button', { name: 'Запросить приглашение' }).click();
    await me.fill('#field-passportName', 'Ivanova Anna');
    expect(await me.locator('#field-nationality').inputValue()).toBe('RU');
    await me.fill('#field-passportNumber', '75 1234567');
    await me.fill('#field-birthDate', '1985-04-12');
    await me.fill('#field-passportExpiry', '2015-11-04');
    await me.fill('#field-consulate', 'Генеральное консульство Республики Корея во Владивостоке');
    await section.getByRole('button', { name: 'Отправить запрос' }).click();
    await expect.poll(() => me.locator('[data-field=passportExpiry] .field__error').textContent()).toContain('паспорт должен действовать и после окончания конгресса');
    expect(await me.evaluate(() => document.activeElement?.id)).toBe('field-passportExpiry');
    await me.fill('#field-passportExpiry', '2031-06-30');
    await section.getByRole('button', { name: 'Отправить запрос' }).click();
    await expect.poll(() => me.getByTestId('visa-letter-status').getAttribute('data-status')).toBe('requested');
    expect(await section.textContent()).toContain('оканчивается на 567');
    await me.screenshot({ path: 'test-results/visa-requested-ru-phone.png', fullPage: true });

    // The organiser, at a desk in Korean, sees the passport and issues the letter.
    const organiserContext = await session.browser.newContext({ locale: 'ko-KR', viewport: { width: 1280, height: 900 } });
    const desk = await organiserContext.newPage();
    await signInAt(desk, `${session.baseUrl}/organiser/visa-letters`);
    const request = desk.getByTestId('visa-request').first();
    await expect.poll(() => request.textContent()).toContain('IVANOVA ANNA');
    expect(await request.textContent()).toContain('러시아');
    expect(await request.textContent()).toContain('751234567');
    await desk.screenshot({ path: 'test-results/visa-queue-ko-desktop.png', fullPage: true });
    await request.getByRole('button', { name: '초청장 발급' }).click();
    await expect.poll(() => desk.getByRole('button', { name: /발급됨 · 1/ }).count()).toBe(1);
    await organiserContext.close();

    // Back on the delegate's page: the letter and its code.
    await me.reload();
    await expect.poll(() => me.getByTestId('visa-letter-status').getAttribute('data-status')).toBe('issued');
    const code = (await me.getByTestId('visa-letter-code').textContent())!;
    const [download] = await Promise.all([me.waitForEvent('download'), me.getByTestId('visa-letter-download').click()]);
    const pages = await pdfPages(readFileSync((await download.path())!));
    expect(pages[0]).toContain(`/verify/${code}`);
    await delegateContext.close();

    // A consulate opens the printed address, in English, and sees the letter stands.
    const consulateContext = await session.browser.newContext({ locale: 'en-GB', viewport: { width: 1024, height: 800 } });
    const consulate = await consulateContext.newPage();
    await consulate.goto(`${session.baseUrl}/verify/${code}`);
    const result = consulate.getByTestId('verify-result');
    await expect.poll(() => result.getAttribute('data-revoked')).toBe('false');
    const shown = (await result.textContent())!;
    expect(shown).toContain('This letter was issued by the organisers and stands.');
    expect(shown).toContain('IVANOVA ANNA');
    expect(shown).toContain('Russia');
    expect(shown).not.toContain('751234567');
    await consulate.screenshot({ path: 'test-results/visa-verify-en.png', fullPage: true });
    // A code with one character changed is unknown.
    await consulate.fill('#verify-code', code.slice(0, -1) + (code.endsWith('7') ? '8' : '7'));
    await consulate.getByRole('button', { name: 'Check' }).click();
    await expect.poll(() => consulate.getByTestId('verify-unknown').count()).toBe(1);
    await consulateContext.close();
  });
});
