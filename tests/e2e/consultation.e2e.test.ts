import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { aDelegate, organiserCredentials, signInOrganiser, startTestApp } from '../support/test-app.ts';

const webRoot = resolve('dist/web');
type App = Awaited<ReturnType<typeof startTestApp>>['app'];
let app: App;
let baseUrl: string;
let browser: Browser;
let organiser: { authorization: string };

beforeAll(async () => {
  if (!existsSync(resolve(webRoot, 'index.html'))) throw new Error('dist/web is missing: run `npm run build:web` first (npm test does)');
  ({ app } = await startTestApp({ webRoot }));
  organiser = await signInOrganiser(app);
  baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the export consultation in the browser', () => {
  it('the organiser plans and publishes the 2015 day in Korean; a Chinese buyer sees their meetings and records a signed contract', async () => {
    const organiserContext = await browser.newContext({ locale: 'ko-KR' });
    const organiserPage = await organiserContext.newPage();
    organiserPage.on('dialog', (dialog) => void dialog.accept());
    await organiserPage.goto(`${baseUrl}/organiser/consultation`);
    await organiserPage.fill('#field-email', organiserCredentials.email);
    await organiserPage.fill('#field-password', organiserCredentials.password);
    await organiserPage.click('button[type=submit]');
    const figures = organiserPage.getByTestId('plan-figures');
    await expect.poll(() => figures.textContent()).toContain('상담 111건 중 0건 배정');
    expect(await organiserPage.getByTestId('outcome-figures').textContent()).toContain('계약 추진 43건');
    expect(await organiserPage.locator('canvas[role=img]').count()).toBe(2);
    await organiserPage.getByTestId('run-plan').click();
    await expect.poll(() => figures.textContent(), { timeout: 10_000 }).toContain('상담 111건 중 111건 배정');
    await organiserPage.getByRole('button', { name: '발표' }).click();
    await expect.poll(() => organiserPage.locator('.notice').first().textContent()).toContain('발표됨');

    const buyer = (await (
      await fetch(`${baseUrl}/api/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(aDelegate({ givenName: 'Hua', familyName: 'Chen', country: 'CN', languages: ['zh'] })) })
    ).json()) as { id: number; token: string };
    expect((await app.inject({ method: 'PUT', url: '/api/consultations/participants/B07/delegate', headers: organiser, payload: { delegate: buyer.id } })).statusCode).toBe(204);

    const buyerContext = await browser.newContext({ locale: 'zh-CN' });
    const buyerPage = await buyerContext.newPage();
    await buyerPage.goto(`${baseUrl}/me#token=${encodeURIComponent(buyer.token)}`);
    const section = buyerPage.getByTestId('my-consultation');
    await expect.poll(() => section.locator('h2').textContent()).toBe('我的出口洽谈 · 11月4日');
    const first = section.locator('li.tour').first();
    expect(await first.locator('h3').textContent()).toMatch(/^2015年11月4日 .*· T07$/);
    await first.locator('select').nth(1).selectOption('signed');
    await first.locator('input[type=number]').fill('150000');
    await first.getByRole('button', { name: '记录结果' }).click();
    await expect.poll(() => first.locator('[role=status]').textContent()).toBe('结果已保存。');
    await organiserContext.close();
    await buyerContext.close();
  });
});
