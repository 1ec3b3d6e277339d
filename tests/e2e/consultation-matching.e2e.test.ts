import { describe, expect, it } from 'vitest';
import type { SuggestionMatrix } from '../../shared/consultation-directory-schema.ts';
import { aDelegate } from '../support/test-app.ts';
import { signInAt, useBrowserApp } from '../support/browser.ts';

const session = useBrowserApp();

describe('matchmaking and profiles in the browser', () => {
  it('an organiser pre-matches a pair from the matrix and edits a profile in French; a supplier edits their own in Vietnamese', async () => {
    const matrix = (await session.app.inject({ url: '/api/consultations/suggestions/matrix', headers: session.organiser })).json() as SuggestionMatrix;
    const pair = matrix.cells.filter((cell) => cell.meeting === null).sort((x, y) => y.score - x.score)[0]!;

    const organiserContext = await session.browser.newContext({ locale: 'fr-FR' });
    const page = await organiserContext.newPage();
    await signInAt(page, `${session.baseUrl}/organiser/matching`);
    const cell = page.getByTestId(`cell-${pair.buyer}-${pair.supplier}`);
    await expect.poll(() => cell.textContent()).toBe(String(pair.score));
    await cell.click();
    const details = page.getByTestId('pair');
    expect(await details.locator('li').allTextContents()).toEqual(
      ((await session.app.inject({ url: '/api/consultations/suggestions/matrix', headers: { ...session.organiser, 'accept-language': 'fr' } })).json() as SuggestionMatrix).cells.find(
        (c) => c.buyer === pair.buyer && c.supplier === pair.supplier,
      )!.reasons,
    );
    await details.locator('input[type=number]').fill('2');
    await details.getByRole('button', { name: 'Pré-apparier' }).click();
    const company = (code: string) => session.app.db.$client.prepare('select company from consultation_participants where code = ?').pluck().get(code) as string;
    await expect.poll(() => page.locator('.notice').textContent()).toBe(`Rendez-vous ${company(pair.buyer)} ↔ ${company(pair.supplier)} ajouté à la journée.`);
    await expect.poll(() => cell.textContent()).toBe(`${pair.score}●`);
    const stored = session.app.db.$client
      .prepare('select m.priority, m.origin from consultation_meetings m join consultation_participants b on b.id = m.buyer_id join consultation_participants s on s.id = m.supplier_id where b.code = ? and s.code = ?')
      .get(pair.buyer, pair.supplier);
    expect(stored).toEqual({ priority: 2, origin: 'prematch' });

    await page.getByTestId('profile-picker').selectOption('S03');
    const form = page.getByTestId('profile-S03');
    await form.locator('#field-hsCodes').fill('87');
    await form.getByRole('button', { name: 'Enregistrer le profil' }).click();
    await expect.poll(() => form.locator('[data-field=hsCodes] .field__error').textContent()).toContain('Produits (codes SH)');
    await form.locator('#field-hsCodes').fill('8708, 8483');
    await form.locator('#field-miniCluster').fill('boîtes de vitesses');
    await form.getByRole('button', { name: 'Enregistrer le profil' }).click();
    await expect.poll(() => form.locator('[role=status]').textContent()).toContain('Profil enregistré.');
    expect(session.app.db.$client.prepare("select hs_codes, mini_cluster from consultation_participants where code = 'S03'").get()).toEqual({ hs_codes: '["8708","8483"]', mini_cluster: 'boîtes de vitesses' });
    await organiserContext.close();

    const supplier = (await (
      await fetch(`${session.baseUrl}/api/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(aDelegate({ country: 'KR', languages: ['ko', 'vi'] })) })
    ).json()) as { id: number; token: string };
    await session.app.inject({ method: 'PUT', url: '/api/consultations/participants/S10/delegate', headers: session.organiser, payload: { delegate: supplier.id } });
    const supplierContext = await session.browser.newContext({ locale: 'vi-VN' });
    const supplierPage = await supplierContext.newPage();
    await supplierPage.goto(`${session.baseUrl}/me#token=${encodeURIComponent(supplier.token)}`);
    const profile = supplierPage.getByTestId('my-profile');
    await profile.locator('summary').click();
    const own = supplierPage.getByTestId('profile-S10');
    await expect.poll(() => own.locator('#field-certifications').count()).toBe(1);
    await own.locator('#field-certifications').fill('ISO 9001, CE');
    // Markets are countries picked by name in the reader's language.
    await own.getByRole('combobox', { name: 'Thêm thị trường…' }).selectOption({ label: 'Việt Nam' });
    await own.getByRole('combobox', { name: 'Thêm thị trường…' }).selectOption({ label: 'Ấn Độ' });
    await own.getByRole('button', { name: 'Bỏ Trung Quốc' }).click();
    await own.getByRole('button', { name: 'Lưu hồ sơ' }).click();
    await expect.poll(() => own.locator('[role=status]').textContent()).toContain('Đã lưu hồ sơ.');
    expect(session.app.db.$client.prepare("select certifications, export_markets from consultation_participants where code = 'S10'").get()).toEqual({ certifications: '["ISO 9001","CE"]', export_markets: '["VN","IN"]' });
    await supplierContext.close();
  });
  it('an organiser links a registered delegate to a supplier by name in French, and one delegate speaks for one company only', async () => {
    const delegate = (await (
      await fetch(`${session.baseUrl}/api/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(aDelegate({ givenName: 'Thị Lan', familyName: 'Nguyễn', email: 'lan.nguyen@example.vn', country: 'VN', languages: ['vi', 'ko'] })) })
    ).json()) as { id: number; token: string };
    const context = await session.browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await signInAt(page, `${session.baseUrl}/organiser/matching`);
    await page.getByTestId('profile-picker').selectOption('S11');
    const picker = page.getByTestId('spokesperson');
    await expect.poll(() => picker.locator('p.muted').textContent()).toContain('Aucun délégué');
    await picker.getByLabel('Chercher un délégué inscrit').fill('nguyen');
    await picker.locator('li', { hasText: 'lan.nguyen@example.vn' }).getByRole('button', { name: 'Lier' }).click();
    await expect.poll(() => picker.getByTestId('spokesperson-current').textContent()).toBe('Thị Lan Nguyễn · lan.nguyen@example.vn');
    const day = await fetch(`${session.baseUrl}/api/me/consultation`, { headers: { authorization: `Bearer ${delegate.token}` } });
    expect((await day.json()).participant.code).toBe('S11');

    await page.getByTestId('profile-picker').selectOption('S12');
    await picker.getByLabel('Chercher un délégué inscrit').fill('lan.nguyen');
    await picker.locator('li', { hasText: 'lan.nguyen@example.vn' }).getByRole('button', { name: 'Lier' }).click();
    // The refusal names the company the delegate already speaks for, not its code.
    const s11 = session.app.db.$client.prepare("select company from consultation_participants where code = 'S11'").pluck().get() as string;
    await expect.poll(() => picker.getByRole('alert').textContent()).toContain(s11);
    await context.close();
  });
  it('an organiser adds a supplier by hand in Spanish, fixes a bad language, and removes it again', async () => {
    const context = await session.browser.newContext({ locale: 'es-ES' });
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await signInAt(page, `${session.baseUrl}/organiser/matching`);
    const form = page.getByTestId('add-participant');
    await form.locator('#field-code').fill('S90');
    await form.locator('#field-role').selectOption('supplier');
    await form.locator('#field-company').fill('Seongseo Optics');
    await form.locator('#field-country').selectOption('KR');
    // No language yet: refused beside the picker.
    await form.getByRole('button', { name: 'Añadir' }).click();
    await expect.poll(() => form.locator('[data-field=languages] .field__error').textContent()).toBeTruthy();
    await form.getByRole('combobox', { name: 'Añadir un idioma…' }).selectOption({ label: 'coreano' });
    await form.getByRole('combobox', { name: 'Añadir un idioma…' }).selectOption({ label: 'inglés' });
    await form.getByRole('button', { name: 'Añadir' }).click();
    // The new company opens in the profile form, to complete.
    await expect.poll(() => page.getByTestId('profile-S90').count()).toBe(1);
    await page.getByRole('button', { name: 'Quitar esta empresa' }).click();
    await expect.poll(() => page.locator('.notice').textContent()).toBe('Seongseo Optics quitada.');
    expect(session.app.db.$client.prepare("select count(*) as n from consultation_participants where code = 'S90'").get()).toEqual({ n: 0 });
    await context.close();
  });
});
