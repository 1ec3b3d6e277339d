import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pdfPages } from '../support/pdf-text.ts';
import { aDelegate, publishConsultationPlan } from '../support/test-app.ts';
import { signInAt, useBrowserApp } from '../support/browser.ts';

const session = useBrowserApp();

describe('the export consultation in the browser', () => {
  it('the organiser plans and publishes the 2015 day in Korean; a Chinese buyer sees their meetings and records a signed contract', async () => {
    const organiserContext = await session.browser.newContext({ locale: 'ko-KR' });
    const organiserPage = await organiserContext.newPage();
    organiserPage.on('dialog', (dialog) => void dialog.accept());
    await signInAt(organiserPage, `${session.baseUrl}/organiser/consultation`);
    const figures = organiserPage.getByTestId('plan-figures');
    // The demo day starts planned and not yet held: nothing to report yet.
    await expect.poll(() => figures.textContent()).toContain('상담 111건 중 111건 배정');
    expect(await organiserPage.getByTestId('outcome-figures').textContent()).toContain('계약 추진 0건');
    expect(await organiserPage.locator('canvas[role=img]').count()).toBe(3);
    await organiserPage.getByTestId('run-plan').click();
    // A progress bar while the engine runs, gone when the plan is in.
    expect(await organiserPage.getByTestId('plan-progress').locator('p').textContent()).toBe('상담 배치 중 · 상담 111건 중 0건 배정');
    await expect.poll(() => organiserPage.getByTestId('plan-progress').count(), { timeout: 10_000 }).toBe(0);
    expect(await figures.textContent()).toContain('상담 111건 중 111건 배정');
    await organiserPage.getByRole('button', { name: '발표' }).click();
    await expect.poll(() => organiserPage.locator('.notice').first().textContent()).toContain('발표됨');

    // Pinning a meeting by hand where it is: the plan changes, so it asks to be published again.
    await organiserPage.locator('details.card summary').click();
    const row = organiserPage.locator('tr[data-testid^=assignment-]').first();
    const meeting = (await row.getAttribute('data-testid'))!.slice('assignment-'.length);
    await organiserPage.getByTestId(`edit-${meeting}`).click();
    await organiserPage.getByTestId(`place-${meeting}`).getByRole('button', { name: '배치' }).click();
    await expect.poll(() => organiserPage.getByTestId(`assignment-${meeting}`).textContent()).toContain('📌');
    expect(await organiserPage.locator('.notice').first().textContent()).toContain('발표 후 변경됨');
    await organiserPage.getByRole('button', { name: '발표' }).click();
    await expect.poll(() => organiserPage.locator('.notice').first().textContent()).not.toContain('발표 후 변경됨');
    // A meeting whose outcome is recorded cannot be taken out of the plan, and the organiser is told why.
    const recorded = await session.app.inject({ method: 'PUT', url: `/api/consultations/meetings/${meeting}/outcome`, headers: session.organiser, payload: { attendance: 'held', outcome: 'follow-up' } });
    expect(recorded.statusCode).toBe(204);
    await organiserPage.getByTestId(`edit-${meeting}`).click();
    await organiserPage.getByTestId(`place-${meeting}`).getByRole('button', { name: '계획에서 빼기' }).click();
    await expect.poll(() => organiserPage.getByRole('alert').first().textContent()).toContain('결과가 기록되어');

    const buyer = (await (
      await fetch(`${session.baseUrl}/api/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(aDelegate({ givenName: 'Hua', familyName: 'Chen', country: 'CN', languages: ['zh'] })) })
    ).json()) as { id: number; token: string };
    expect((await session.app.inject({ method: 'PUT', url: '/api/consultations/participants/B07/delegate', headers: session.organiser, payload: { delegate: buyer.id } })).statusCode).toBe(204);

    const buyerContext = await session.browser.newContext({ locale: 'zh-CN' });
    const buyerPage = await buyerContext.newPage();
    await buyerPage.goto(`${session.baseUrl}/me#token=${encodeURIComponent(buyer.token)}`);
    const section = buyerPage.getByTestId('my-consultation');
    await expect.poll(() => section.locator('h2').textContent()).toBe('我的出口洽谈 · 11月4日');
    const first = section.locator('li[data-meeting]').first();
    expect(await first.locator('h3').textContent()).toMatch(/^2015年11月4日 .*· T07$/);
    // The day to print, and to subscribe to in a calendar app.
    const [download] = await Promise.all([buyerPage.waitForEvent('download'), section.getByRole('button', { name: '打印（PDF）' }).click()]);
    expect(download.suggestedFilename()).toBe('consultation-B07.pdf');
    const printed = (await pdfPages(readFileSync((await download.path())!))).join(' ');
    expect(printed).toContain('我的出口洽谈');
    expect(printed).toContain(`桌号 T07`);
    const feed = await section.getByTestId('calendar-feed').getAttribute('href');
    expect(feed).toMatch(/^webcal:\/\/127\.0\.0\.1:\d+\/api\/c\/tci-2015-daegu\/calendar\/\d+\/[\w-]+\.ics$/);
    const calendar = await (await fetch(feed!.replace(/^webcal:/, 'http:'))).text();
    expect(calendar.split('BEGIN:VEVENT').length - 1).toBe(await section.locator('li[data-meeting]').count());
    // Each choice of the outcome form is labelled in the reader's language.
    await first.getByLabel('结果', { exact: true }).selectOption('signed');
    await first.getByLabel('金额（美元）').fill('150000');
    await first.getByTestId('contract-products').locator('input[type=checkbox]').first().check();
    await first.getByRole('button', { name: '记录结果' }).click();
    await expect.poll(() => first.locator('[role=status]').textContent()).toBe('结果已保存。');
    const saved = session.app.db.$client
      .prepare("select o.outcome, o.value_usd, o.hs_codes from consultation_outcomes o join consultation_meetings m on m.id = o.meeting_id where m.code = ?")
      .get(await first.getAttribute('data-meeting')) as { outcome: string; value_usd: number; hs_codes: string };
    expect([saved.outcome, saved.value_usd, JSON.parse(saved.hs_codes).length]).toEqual(['signed', 150000, 1]);
    await organiserContext.close();
    await buyerContext.close();
  });

  it('a buyer requests a supplier in Chinese, the supplier accepts in Korean, and once planned both see the meeting', async () => {
    const register = async (overrides: object) =>
      (await (await fetch(`${session.baseUrl}/api/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(aDelegate(overrides)) })).json()) as { id: number; token: string };
    // Requests close when a plan is published: this test starts from the weeks before the day.
    session.app.db.$client.prepare('update congresses set consultation_published_at = null').run();
    const buyer = await register({ givenName: 'Lan', familyName: 'Zhou', country: 'CN', languages: ['zh'] });
    await session.app.inject({ method: 'PUT', url: '/api/consultations/participants/B09/delegate', headers: session.organiser, payload: { delegate: buyer.id } });
    const bearer = { authorization: `Bearer ${buyer.token}` };
    const suggested = (await session.app.inject({ url: '/api/consultations/suggestions', headers: bearer })).json().suggestions.slice(0, 10).map((s: { profile: { code: string } }) => s.profile.code) as string[];
    const matched = new Set(((await session.app.inject({ url: '/api/me/consultation/requests', headers: bearer })).json() as { counterpart: { code: string } }[]).map((r) => r.counterpart.code));
    const supplierCode = suggested.find((code) => !matched.has(code))!;
    expect(supplierCode).toBeDefined();
    const supplier = await register({ givenName: '서연', familyName: '이', country: 'KR', languages: ['ko'] });
    await session.app.inject({ method: 'PUT', url: `/api/consultations/participants/${supplierCode}/delegate`, headers: session.organiser, payload: { delegate: supplier.id } });

    const buyerContext = await session.browser.newContext({ locale: 'zh-CN' });
    const buyerPage = await buyerContext.newPage();
    await buyerPage.goto(`${session.baseUrl}/me#token=${encodeURIComponent(buyer.token)}`);
    const suggestion = buyerPage.locator(`[data-testid=suggestions] li[data-participant=${supplierCode}]`);
    await expect.poll(() => suggestion.textContent()).toContain('匹配度');
    await suggestion.locator('input').fill('我们每月采购两万套传动齿轮。');
    await suggestion.getByRole('button', { name: '申请洽谈' }).click();
    await expect.poll(() => buyerPage.getByTestId('matching').locator('[role=status]').textContent()).toBe('申请已发送。');

    const supplierContext = await session.browser.newContext({ locale: 'ko-KR' });
    const supplierPage = await supplierContext.newPage();
    await supplierPage.goto(`${session.baseUrl}/me#token=${encodeURIComponent(supplier.token)}`);
    const incoming = supplierPage.locator('[data-testid=requests] li').filter({ hasText: '상담을 신청했습니다' });
    await expect.poll(() => incoming.textContent()).toContain('我们每月采购两万套传动齿轮。');
    await incoming.getByRole('button', { name: '수락' }).click();
    await expect.poll(() => incoming.textContent()).toContain('수락됨');

    const meeting = ((await session.app.inject({ url: '/api/me/consultation/requests', headers: bearer })).json() as { meeting: string; counterpart: { code: string } }[]).find((r) => r.counterpart.code === supplierCode)!.meeting;
    await session.app.inject({ method: 'POST', url: '/api/consultations/plan/run', headers: session.organiser, payload: { seconds: 0.3 } });
    await publishConsultationPlan(session.app, session.organiser);
    for (const page of [buyerPage, supplierPage]) {
      await page.reload();
      await expect.poll(() => page.locator(`[data-testid=my-consultation] li[data-meeting=${meeting}] h3`).textContent()).toMatch(/2015.* · T09$/);
    }
    await buyerContext.close();
    await supplierContext.close();
  });
});
