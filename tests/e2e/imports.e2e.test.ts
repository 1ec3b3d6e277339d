import { describe, expect, it } from 'vitest';
import { signInAt, useBrowserApp } from '../support/browser.ts';
import { csvFile, xlsxFile, xlsxType } from '../support/spreadsheets.ts';

const session = useBrowserApp();

describe('imports in the browser', () => {
  it('a French organiser checks a spreadsheet, sees its bad row in a table, fixes it and imports it', async () => {
    const context = await session.browser.newContext({ locale: 'fr-FR', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signInAt(page, `${session.baseUrl}/organiser/imports`);
    await expect.poll(() => page.locator('h2').first().textContent()).toBe('Importer depuis un tableur');

    // Nothing chosen yet: the file field says so.
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await expect.poll(() => page.locator('#error-file').textContent()).toBe('Choisissez d’abord un fichier.');

    const rows = [
      ['E-mail', 'Prénom', 'Nom de famille', 'Pays', 'Catégorie', 'Langues'],
      ['claire@example.fr', 'Claire', 'Dubois', 'France', 'Université', 'français, anglais'],
      ['joao@example.pt', 'João', 'Silva', 'Atlantide', 'sme', 'portugais'],
    ];
    await page.setInputFiles('#field-file', { name: 'délégués.xlsx', mimeType: xlsxType, buffer: await xlsxFile(rows) });
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Problèmes trouvés : 1.');
    expect(await page.locator('table.import-errors tbody tr').first().locator('td').allTextContents()).toEqual(['3', 'Pays', '« Atlantide » n’est pas un pays connu.']);
    await page.screenshot({ path: 'test-results/imports-errors-fr-phone.png', fullPage: true });

    rows[2]![3] = 'Portugal';
    await page.setInputFiles('#field-file', { name: 'délégués.csv', mimeType: 'text/csv', buffer: csvFile(rows, ';') });
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Lignes lues : 2 — nouvelles : 2, à mettre à jour : 0.');
    await page.getByRole('button', { name: 'Importer les lignes (2)' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Importé — nouvelles : 2, mises à jour : 0.');

    const stored = (await (await fetch(`${session.baseUrl}/api/delegates?q=claire`, { headers: session.organiser })).json()) as { items: { country: string; status: string }[] };
    expect(stored.items.map((item) => [item.country, item.status])).toEqual([['FR', 'confirmed']]);
    await context.close();
  });
});
