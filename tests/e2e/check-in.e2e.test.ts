import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { badgeCode, badgeSecret } from '../../server/check-in/badge-token.ts';
import { launchChromium, signInAt, useBrowserApp } from '../support/browser.ts';
import { photograph, writeStillVideo } from '../support/fake-camera.ts';
import { pdfPages } from '../support/pdf-text.ts';
import { aDelegate, demoCongressId } from '../support/test-app.ts';

const session = useBrowserApp();
const register = async (overrides: object) =>
  (await (await fetch(`${session.baseUrl}/api/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(aDelegate(overrides)) })).json()) as { id: number };
const signIn = async (page: import('playwright-core').Page) => {
  await signInAt(page, `${session.baseUrl}/organiser/check-in`);
  await expect.poll(() => page.getByTestId('check-in-count').count()).toBe(1);
};

describe('check-in at the door in the browser', () => {
  it('a desk checks a badge in and reprints it, a second scan says when and where, a forged code is refused, a delegate without a badge is found by name, and another desk’s count moves live', async () => {
    const delegate = await register({ givenName: '翔太', familyName: '佐藤', country: 'JP', organisation: 'Kyushu Cluster' });
    const code = badgeCode(badgeSecret(session.app.db, demoCongressId(session.app)), delegate.id);

    const openDesk = async (desk: string) => {
      const context = await session.browser.newContext({ locale: 'ja-JP' });
      const page = await context.newPage();
      await signIn(page);
      await page.locator('input[name=desk]').fill(desk);
      return { context, page };
    };
    const one = await openDesk('受付1');
    const two = await openDesk('受付2');
    const before = await two.page.getByTestId('check-in-count').textContent();

    await one.page.locator('input[name=badgeCode]').fill(code);
    await one.page.getByRole('button', { name: 'チェックイン' }).click();
    const result = one.page.getByTestId('check-in-result');
    await expect.poll(() => result.textContent()).toContain('佐藤翔太');
    expect(await result.textContent()).toContain('ようこそ！チェックインしました。');
    // A lost badge is printed again from the desk.
    const [download] = await Promise.all([one.page.waitForEvent('download'), result.getByRole('button', { name: 'この名札を再印刷' }).click()]);
    const reprinted = await pdfPages(readFileSync((await download.path())!));
    expect(reprinted).toHaveLength(1);
    expect(reprinted[0]).toContain('佐藤翔太');
    // The other desk's count moves without a reload.
    await expect.poll(() => two.page.getByTestId('check-in-count').textContent(), { timeout: 2000 }).not.toBe(before);

    await two.page.locator('input[name=badgeCode]').fill(code);
    await two.page.getByRole('button', { name: 'チェックイン' }).click();
    await expect.poll(() => two.page.getByTestId('check-in-result').textContent()).toMatch(/\d{1,2}:\d{2}に受付1でチェックイン済みです。/);

    await two.page.locator('input[name=badgeCode]').fill(code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A'));
    await two.page.getByRole('button', { name: 'チェックイン' }).click();
    await expect.poll(() => two.page.getByTestId('check-in-result').textContent()).toBe('名札コード：この名札は総会が発行したものではありません。');

    // No badge and no phone: the desk finds the delegate by the Latin name and checks them in by hand.
    const forgetful = await register({ givenName: '花子', familyName: '山田', latinName: 'Hanako YAMADA', country: 'JP' });
    const finder = two.page.getByTestId('find-by-name');
    await finder.locator('input[name=arrivalSearch]').fill('yamada');
    await finder.getByRole('button', { name: '検索' }).click();
    const row = finder.locator(`li[data-delegate-id="${forgetful.id}"]`);
    await expect.poll(() => row.textContent()).toContain('山田花子 (Hanako YAMADA)');
    await row.getByRole('button', { name: 'チェックイン' }).click();
    await expect.poll(() => two.page.getByTestId('check-in-result').textContent()).toContain('山田花子');
    expect(await two.page.getByTestId('check-in-result').textContent()).toContain('ようこそ！チェックインしました。');

    // Typed without the Vietnamese marks, the name still finds her.
    const lan = await register({ givenName: 'Thị Lan', familyName: 'Nguyễn', country: 'VN' });
    await finder.locator('input[name=arrivalSearch]').fill('nguyen thi lan');
    await finder.getByRole('button', { name: '検索' }).click();
    await expect.poll(() => finder.locator(`li[data-delegate-id="${lan.id}"]`).textContent()).toContain('Thị Lan Nguyễn');
    await one.context.close();
    await two.context.close();
  });

  it('a delegate shows their code on the phone; a desk in Chinese reads it with the camera, without the browser’s own QR reader, and checks them in once', async () => {
    const delegate = (await (
      await fetch(`${session.baseUrl}/api/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(aDelegate({ givenName: '민준', familyName: '김', latinName: 'Minjun KIM', country: 'KR' })) })
    ).json()) as { id: number; token: string };
    const phone = await session.browser.newContext({ locale: 'ko-KR', viewport: { width: 390, height: 844 } });
    const own = await phone.newPage();
    await own.goto(`${session.baseUrl}/me#token=${encodeURIComponent(delegate.token)}`);
    const badge = own.getByTestId('my-badge');
    await expect.poll(() => badge.locator('svg').count()).toBe(1);
    expect(await badge.textContent()).toContain('EXCO 등록 데스크에서 휴대전화로 이 코드를 보여 주시거나');

    const folder = mkdtempSync(join(tmpdir(), 'camera-'));
    const video = join(folder, 'phone.y4m');
    writeStillVideo(video, await photograph(own, '[data-testid=badge-qr]'));
    const browser = await launchChromium(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`]);
    try {
      const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
      await signIn(page);
      expect(await page.evaluate(() => 'BarcodeDetector' in globalThis)).toBe(false);
      await page.getByRole('button', { name: '用摄像头扫描' }).click();
      const result = page.getByTestId('check-in-result');
      await expect.poll(() => result.textContent(), { timeout: 5000 }).toContain('김민준 (Minjun KIM)');
      expect(await result.textContent()).toContain('欢迎！已签到。');
      // The phone stays in front of the camera: the code is not sent again, so the desk keeps showing the welcome.
      await page.waitForTimeout(1500);
      expect(await result.textContent()).toContain('欢迎！已签到。');
      const checkIns = session.app.db.$client.prepare('select count(*) from check_ins where delegate_id = ?').pluck().get(delegate.id);
      expect(checkIns).toBe(1);
    } finally {
      await browser.close();
      rmSync(folder, { recursive: true, force: true });
    }
    await own.reload();
    await expect.poll(() => own.getByTestId('my-badge').textContent()).toMatch(/2\d{3}\. \d{1,2}\. \d{1,2}\..*체크인했습니다/);
    await phone.close();
  });
});
