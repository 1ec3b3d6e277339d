import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { AppOptions } from '../../server/app.ts';
import { csrfTokenFor, sessionCookie } from '../../server/auth/session-cookie.ts';
import { organiserCredentials, signInOrganiser, startTestApp } from './test-app.ts';

type App = Awaited<ReturnType<typeof startTestApp>>['app'];
const webRoot = resolve('dist/web');

/** Debian's Chromium, headless; the flags keep it from reaching for the network this machine does not have. `extraArgs` add to them. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', ...extraArgs],
  });
}

/**
 * Signs a browser context in with an organiser session opened through the API (`Bearer …` or the bare token), as the
 * sign-in form would leave it: the session in its HttpOnly cookie, the page's CSRF token in storage.
 */
export async function holdSessionIn(context: BrowserContext, baseUrl: string, app: App, session: string): Promise<void> {
  const token = session.replace(/^Bearer /, '');
  await context.addCookies([{ name: sessionCookie, value: token, url: baseUrl, httpOnly: true, sameSite: 'Strict' }]);
  await context.addInitScript((csrf) => localStorage.setItem('congress.organiserCsrf', csrf), csrfTokenFor(app.db, token));
}

/** Opens `url` and signs in on its form as the demo's owner, as a person would. */
export async function signInAt(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.fill('#field-email', organiserCredentials.email);
  await page.fill('#field-password', organiserCredentials.password);
  await page.click('button[type=submit]');
}

/**
 * For an end-to-end test file: a test app serving the built web client (with `options`, read when it starts), with an
 * organiser account, and Chromium; both started before the file's tests and closed after them.
 */
export function useBrowserApp(options: () => Partial<AppOptions> | Promise<Partial<AppOptions>> = () => ({})) {
  const session = {} as { app: App; baseUrl: string; browser: Browser; organiser: { authorization: string } };
  beforeAll(async () => {
    if (!existsSync(resolve(webRoot, 'index.html'))) throw new Error('dist/web is missing: run `npm run build:web` first (npm test does)');
    ({ app: session.app } = await startTestApp({ webRoot, ...(await options()) }));
    session.organiser = await signInOrganiser(session.app);
    session.baseUrl = await session.app.listen({ port: 0, host: '127.0.0.1' });
    session.browser = await launchChromium();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.app?.close();
  });
  return session;
}
