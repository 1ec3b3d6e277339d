import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsultationPlan } from '../../shared/consultation-plan-schema.ts';
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

describe('the consultation floor in the browser', () => {
  it('a no-show marked on the table board leads to a re-booking that appears live on the buyer’s page', async () => {
    // The demo day carries the outcomes of 2015; on this replay of the morning nothing has happened yet.
    app.db.$client.prepare('delete from consultation_outcomes').run();
    await app.inject({ method: 'POST', url: '/api/consultations/plan/run', headers: organiser, payload: { seconds: 0.3 } });
    const plan = (await app.inject({ url: '/api/consultations/plan', headers: organiser })).json() as ConsultationPlan;
    const first = plan.assignments.find((row) => row.slot === 'd2-1000')!;
    // A meeting the buyer still waits for: the no-show makes room for it.
    const supplier = app.db.$client
      .prepare("select s.code from consultation_participants s where s.role = 'supplier' and s.available is null and not exists (select 1 from consultation_meetings m join consultation_participants b on b.id = m.buyer_id where b.code = ? and m.supplier_id = s.id) order by s.code limit 1")
      .pluck()
      .get(first.buyer) as string;
    const waiting = (await app.inject({ method: 'POST', url: '/api/consultations/meetings', headers: organiser, payload: { buyer: first.buyer, supplier, priority: 2 } })).json().meeting as string;
    await app.inject({ method: 'POST', url: '/api/consultations/plan/publish', headers: organiser, payload: {} });
    const buyer = (await (await fetch(`${baseUrl}/api/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(aDelegate({ languages: ['en'] })) })).json()) as { id: number; token: string };
    await app.inject({ method: 'PUT', url: `/api/consultations/participants/${first.buyer}/delegate`, headers: organiser, payload: { delegate: buyer.id } });

    const buyerContext = await browser.newContext({ locale: 'en-IN' });
    const buyerPage = await buyerContext.newPage();
    await buyerPage.goto(`${baseUrl}/me#token=${encodeURIComponent(buyer.token)}`);
    const day = buyerPage.getByTestId('my-consultation');
    // Published without a place yet: the waiting meeting shows no time.
    const waitingItem = day.locator(`li[data-meeting=${waiting}] h3`);
    await expect.poll(() => waitingItem.textContent()).toBe(waiting);

    const staffContext = await browser.newContext({ locale: 'vi-VN' });
    const staffPage = await staffContext.newPage();
    staffPage.on('dialog', (dialog) => void dialog.accept());
    await staffPage.goto(`${baseUrl}/organiser/floor`);
    await staffPage.fill('#field-email', organiserCredentials.email);
    await staffPage.fill('#field-password', organiserCredentials.password);
    await staffPage.click('button[type=submit]');
    await staffPage.waitForSelector('[data-testid=floor-board][data-live=on]');
    const t01 = staffPage.locator(`tr[data-table=${first.table}]`);
    await expect.poll(() => t01.locator(`[data-meeting=${first.meeting}]`).count()).toBe(1);
    await t01.getByRole('button', { name: 'Vắng mặt' }).click();
    const rebooking = staffPage.getByTestId('rebooking');
    await expect.poll(() => rebooking.textContent()).toContain(supplier);
    await rebooking.getByRole('button', { name: 'Xếp các cuộc gặp này' }).click();
    await expect.poll(() => staffPage.locator('[role=status]').textContent()).toBe('Đã xếp.');
    await expect.poll(() => t01.textContent()).toContain('vắng mặt');

    // The buyer's open page shows the meeting's new time and table without a reload.
    await expect.poll(() => waitingItem.textContent(), { timeout: 5000 }).toMatch(/^.*2015.* · T\d\d$/);
    await buyerContext.close();
    await staffContext.close();
  });
});
