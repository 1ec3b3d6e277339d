import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { holdSessionIn, useBrowserApp } from '../support/browser.ts';
import { aDelegate, signInAccount } from '../support/test-app.ts';

const session = useBrowserApp();
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2.1 A and AA rules that Korea's KWCAG builds on. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Serious and critical WCAG violations on the page as it stands, each with where it is. */
async function violationsOn(page: Page): Promise<string[]> {
  // Evaluated from outside the page: its Content-Security-Policy rightly refuses an injected inline script.
  await page.evaluate(axeSource);
  const result = (await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  }, wcagTags)) as { violations: Violation[] };
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(', ')}`);
}

const publicPages = ['/', '/programme'];
const organiserPages = [
  '/organiser',
  '/organiser/tours',
  '/organiser/consultation',
  '/organiser/matching',
  '/organiser/floor',
  '/organiser/programme',
  '/organiser/check-in',
  '/organiser/imports',
  '/organiser/setup',
  '/organiser/team',
  '/organiser/audit',
  '/organiser/messages',
  '/organiser/outbox',
  '/organiser/visa-letters',
  '/organiser/editions',
  '/organiser/api',
];

/** Signs a browser context in as the given organiser account and delegate, by the tokens the pages keep. */
async function contextFor(locale: string, width: number, tokens: { organiser?: string; delegate?: string }) {
  const context = await session.browser.newContext({ locale, viewport: { width, height: 900 } });
  if (tokens.organiser) await holdSessionIn(context, session.baseUrl, session.app, tokens.organiser);
  if (tokens.delegate) await context.addInitScript((personal) => localStorage.setItem('congress.delegateToken', personal), tokens.delegate);
  return context;
}

/**
 * Every page in `paths` scanned as it first shows, each violation prefixed with where it was found; an error the page
 * logs to the console (a failed request, an exception) counts as one too.
 */
async function scan(page: Page, label: string, paths: string[]): Promise<string[]> {
  const found: string[] = [];
  let path = '';
  const logged = (text: string) => found.push(`${label} ${path}: console: ${text}`);
  const onConsole = (message: { type: () => string; text: () => string }) => message.type() === 'error' && logged(message.text());
  const onError = (error: Error) => logged(error.message);
  page.on('console', onConsole);
  page.on('pageerror', onError);
  for (path of paths) {
    await page.goto(`${session.baseUrl}${path}`);
    await page.waitForLoadState('networkidle');
    for (const violation of await violationsOn(page)) found.push(`${label} ${path}: ${violation}`);
  }
  page.off('console', onConsole);
  page.off('pageerror', onError);
  return found;
}

const register = async (overrides = {}) =>
  (await (await fetch(`${session.baseUrl}/api/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(aDelegate(overrides)) })).json()) as { id: number; token: string };
const tokenOf = (headers: { authorization: string }) => headers.authorization.replace(/^Bearer /, '');

/** A delegate with an issued visa letter: their page shows it, and its code opens the verification page. */
async function delegateWithLetter() {
  const delegate = await register({ country: 'RU' });
  const passport = { passportName: 'Ivanova Anna', nationality: 'RU', passportNumber: '751234567', birthDate: '1985-04-12', passportExpiry: '2030-01-31', consulate: 'Consulate General of the Republic of Korea in Vladivostok' };
  await session.app.inject({ method: 'POST', url: '/api/me/visa-letter', headers: { authorization: `Bearer ${delegate.token}` }, payload: passport });
  const queue = (await session.app.inject({ url: '/api/visa-letters', headers: session.organiser })).json() as { items: { id: number; delegateId: number }[] };
  const letter = queue.items.find((item) => item.delegateId === delegate.id)!;
  const code = (await session.app.inject({ method: 'POST', url: `/api/visa-letters/${letter.id}/approve`, headers: session.organiser })).json().verificationCode as string;
  return { ...delegate, verifyPage: `/verify/${code}` };
}

describe('accessibility', () => {
  it('every page, for every role, passes axe-core’s WCAG 2.1 A and AA rules without serious or critical violations and logs no error, in Korean and in English', async () => {
    const delegate = await delegateWithLetter();
    // A buyer's own page shows their consultation day as well.
    const buyer = await register({ email: 'buyer.axe@example.org' });
    await session.app.inject({ method: 'PUT', url: '/api/consultations/participants/B01/delegate', headers: session.organiser, payload: { delegate: buyer.id } });
    const bus = (await session.app.inject({ url: '/api/tours/setup', headers: session.organiser })).json().tours[0].buses[0].id as number;
    const found: string[] = [];
    for (const locale of ['ko-KR', 'en-GB']) {
      const context = await contextFor(locale, 1280, { organiser: tokenOf(session.organiser), delegate: delegate.token });
      const page = await context.newPage();
      found.push(...(await scan(page, locale, [...publicPages, delegate.verifyPage, '/me', ...organiserPages, `/organiser/buses/${bus}`])));
      await context.close();
      const buyerContext = await contextFor(locale, 1280, { delegate: buyer.token });
      found.push(...(await scan(await buyerContext.newPage(), `${locale} buyer`, ['/me'])));
      await buyerContext.close();
    }
    if (found.length > 0) console.log(`AXE\n${found.join('\n')}`);
    expect(found).toEqual([]);
  }, 240_000);

  it('passes on a phone in Korean, for floor and desk staff in Vietnamese, and with forms showing their errors', async () => {
    const delegate = await delegateWithLetter();
    const found: string[] = [];
    const phone = await contextFor('ko-KR', 390, { organiser: tokenOf(session.organiser), delegate: delegate.token });
    found.push(...(await scan(await phone.newPage(), 'ko phone', [...publicPages, delegate.verifyPage, '/me', ...organiserPages])));
    await phone.close();

    // Staff see only their own screens.
    for (const role of ['floor', 'desk'] as const) {
      const staff = await contextFor('vi-VN', 390, { organiser: tokenOf(await signInAccount(session.app, role)) });
      found.push(...(await scan(await staff.newPage(), `vi ${role}`, ['/organiser', '/organiser/floor', '/organiser/check-in'])));
      await staff.close();
    }

    // Refused forms: every error beside its field is announced and labelled.
    const visitor = await contextFor('ko-KR', 390, {});
    const page = await visitor.newPage();
    await page.goto(`${session.baseUrl}/`);
    await page.locator('form button[type=submit]').first().click();
    await page.locator('.field__error').first().waitFor();
    found.push(...(await violationsOn(page)).map((violation) => `ko / refused: ${violation}`));
    await page.goto(`${session.baseUrl}/organiser`);
    await page.fill('#field-email', 'nobody@example.org');
    await page.fill('#field-password', 'wrong');
    await page.click('button[type=submit]');
    await page.locator('.field__error').first().waitFor();
    found.push(...(await violationsOn(page)).map((violation) => `ko /organiser refused: ${violation}`));
    await visitor.close();

    const organiser = await contextFor('en-GB', 1280, { organiser: tokenOf(session.organiser) });
    const setup = await organiser.newPage();
    await setup.goto(`${session.baseUrl}/organiser/setup`);
    await setup.waitForLoadState('networkidle');
    await setup.getByTestId('new-tour').getByRole('button', { name: 'Add the tour' }).click();
    await setup.locator('.field__error').first().waitFor();
    found.push(...(await violationsOn(setup)).map((violation) => `en /organiser/setup refused: ${violation}`));
    await organiser.close();

    if (found.length > 0) console.log(`AXE\n${found.join('\n')}`);
    expect(found).toEqual([]);
  }, 240_000);
});
