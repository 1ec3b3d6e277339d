import { describe, expect, it } from 'vitest';
import { signInAt, useBrowserApp } from '../support/browser.ts';

const session = useBrowserApp();

describe('editions in the browser', () => {
  it('an organiser sets up the Eindhoven edition in French, and a delegate registers for it in Spanish under its own address', async () => {
    const organiserContext = await session.browser.newContext({ locale: 'fr-FR', timezoneId: 'America/New_York' });
    const page = await organiserContext.newPage();
    await signInAt(page, `${session.baseUrl}/organiser/editions`);
    await expect.poll(() => page.getByTestId('editions').locator('tbody tr').count()).toBe(1);

    await page.fill('#field-name', '19e conférence mondiale TCI');
    await page.fill('#field-slug', 'TCI 2016');
    await page.fill('#field-startsOn', '2016-09-27');
    await page.fill('#field-endsOn', '2016-09-30');
    await page.fill('#field-venue', 'Evoluon');
    await page.fill('#field-city', 'Eindhoven');
    await page.selectOption('#field-timeZone', 'Europe/Amsterdam');
    await page.locator('#field-languages label', { hasText: 'espagnol' }).locator('input').check();
    await page.selectOption('#field-copyFrom', 'tci-2015-daegu');
    await page.getByRole('button', { name: 'Créer l’édition' }).click();
    // A malformed address is refused beside its field, in French, and focused.
    await expect.poll(() => page.locator('[data-field=slug] .field__error').textContent()).toContain('minuscules');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-slug');

    await page.fill('#field-slug', 'tci-2016-eindhoven');
    await page.getByRole('button', { name: 'Créer l’édition' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('L’édition 19e conférence mondiale TCI est prête.');
    const row = page.locator('tr[data-edition=tci-2016-eindhoven]');
    expect(await row.locator('td').nth(2).textContent()).toBe('Europe/Amsterdam');
    await page.screenshot({ path: 'test-results/editions-fr.png', fullPage: true });

    // Its organiser pages live under its address; registration opens there, for it alone.
    await row.getByRole('link', { name: 'Organiser' }).click();
    await page.waitForURL(`${session.baseUrl}/c/tci-2016-eindhoven/organiser`);
    await expect.poll(() => page.locator('.brand').textContent()).toBe('19e conférence mondiale TCI · Eindhoven');
    await page.getByRole('button', { name: 'Rouvrir les inscriptions' }).click();
    await expect.poll(async () => (await (await fetch(`${session.baseUrl}/api/c/tci-2016-eindhoven/congress`)).json()).registrationOpen).toBe(true);

    // A category of its own, named in the edition's two languages; an empty name is refused first.
    await page.getByRole('link', { name: 'Paramétrage' }).click();
    const adding = page.getByTestId('new-category');
    await adding.locator('#new-category-code').fill('startup');
    await adding.getByRole('button', { name: 'Ajouter la catégorie' }).click();
    await expect.poll(() => adding.getByRole('alert').textContent()).toContain('Nom');
    await adding.getByLabel('Nom en français').fill('Jeune pousse');
    await adding.getByLabel('Nom en espagnol').fill('Empresa emergente');
    await adding.locator('#new-category-capacity').fill('30');
    await adding.getByRole('button', { name: 'Ajouter la catégorie' }).click();
    await expect.poll(() => page.locator('li[data-category=startup] h4').textContent()).toContain('Jeune pousse');
    // The consultation day's slots, laid out from a pattern on Eindhoven's clock.
    const slots = page.getByTestId('slots-setup');
    await slots.locator('#field-end').fill('08:00');
    await slots.getByRole('button', { name: 'Tracer les créneaux' }).click();
    await expect.poll(() => slots.locator('.field__error').first().textContent()).toContain('Fin');
    await slots.locator('#field-start').fill('09:00');
    await slots.locator('#field-end').fill('12:00');
    await slots.locator('#field-minutes').fill('40');
    await slots.locator('#field-breakStart').fill('10:30');
    await slots.locator('#field-breakEnd').fill('10:45');
    await slots.getByRole('button', { name: 'Tracer les créneaux' }).click();
    await expect.poll(() => slots.locator('.notice').textContent()).toBe('Créneaux : 3.');
    const laid = (await (await fetch(`${session.baseUrl}/api/c/tci-2016-eindhoven/consultations/instance`, { headers: session.organiser })).json()).slots as { id: string; start: string }[];
    expect(laid.map((slot) => slot.start)).toEqual(['2016-09-28T09:00:00+02:00', '2016-09-28T09:40:00+02:00', '2016-09-28T10:45:00+02:00']);
    await page.screenshot({ path: 'test-results/setup-categories-fr.png', fullPage: true });
    await organiserContext.close();

    const delegateContext = await session.browser.newContext({ locale: 'es-ES', timezoneId: 'Asia/Tokyo' });
    const delegate = await delegateContext.newPage();
    await delegate.goto(`${session.baseUrl}/c/tci-2016-eindhoven/`);
    // The name exists in French only: a Spanish reader gets it in the edition's own languages.
    await expect.poll(() => delegate.locator('h1').textContent()).toBe('19e conférence mondiale TCI');
    expect(await delegate.locator('header.congress').textContent()).toContain('Eindhoven');
    await delegate.fill('#field-givenName', 'Lucía');
    await delegate.fill('#field-familyName', 'García');
    await delegate.fill('#field-email', 'lucia.garcia@example.es');
    await delegate.selectOption('#field-country', 'ES');
    await delegate.selectOption('#field-category', { label: 'Empresa emergente' });
    await delegate.check('input[name=languages][value=es]');
    await delegate.getByRole('button', { name: 'Inscribirse' }).click();
    await expect.poll(() => delegate.getByTestId('confirmation').locator('h2').textContent()).toBe('Inscripción completada en «19e conférence mondiale TCI». ¡Bienvenido/a, Lucía!');
    await delegate.screenshot({ path: 'test-results/editions-es-registered.png', fullPage: true });

    // The personal link stays in the edition, and the registration is Eindhoven's, not the demo's.
    await delegate.getByTestId('personal-link').click();
    await delegate.waitForURL(`${session.baseUrl}/c/tci-2016-eindhoven/me`);
    await expect.poll(() => delegate.getByTestId('full-name').textContent()).toBe('Lucía García');
    // The copied tours leave at 07:30 on Eindhoven's clock: the browser in Tokyo (14:30 there) shows Eindhoven's hour.
    await expect.poll(() => delegate.getByTestId('my-tours').textContent()).toContain('7:30');
    expect(await delegate.getByTestId('my-tours').textContent()).not.toContain('14:30');
    const counts = async (prefix: string) => (await (await fetch(`${session.baseUrl}${prefix}/delegates/counts`, { headers: session.organiser })).json()).total as number;
    expect(await counts('/api/c/tci-2016-eindhoven')).toBe(1);
    const lucia = (await (await fetch(`${session.baseUrl}/api/c/tci-2016-eindhoven/delegates?q=lucia`, { headers: session.organiser })).json()).items[0];
    expect(lucia.category).toBe('startup');
    const demoSearch = await (await fetch(`${session.baseUrl}/api/delegates?q=lucia.garcia`, { headers: session.organiser })).json();
    expect(demoSearch.total).toBe(0);
    await delegateContext.close();
  });
});
