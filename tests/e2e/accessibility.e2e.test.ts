import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserApp } from '../support/browser.ts';
import { aDelegate, organiserCredentials } from '../support/test-app.ts';

const session = useBrowserApp();
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

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
  await page.addScriptTag({ path: axePath });
  const result = (await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  }, wcagTags)) as { violations: Violation[] };
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(', ')}`);
}

const publicPages = ['/', '/programme', '/verify/ABCD-EFGH-JKMN-PQRS'];
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

describe('accessibility', () => {
  it('every page, for every role, passes axe-core’s WCAG 2.1 A and AA rules without serious or critical violations, in Korean and in English', async () => {
    const delegate = (await (await fetch(`${session.baseUrl}/api/registrations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(aDelegate()) })).json()) as { token: string };
    const login = (await (await fetch(`${session.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(organiserCredentials) })).json()) as { token: string };
    const found: string[] = [];
    for (const locale of ['ko-KR', 'en-GB']) {
      const context = await session.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
      await context.addInitScript(([organiser, personal]) => {
        localStorage.setItem('congress.organiserToken', organiser!);
        localStorage.setItem('congress.delegateToken', personal!);
      }, [login.token, delegate.token]);
      const page = await context.newPage();
      for (const path of [...publicPages, '/me', ...organiserPages]) {
        await page.goto(`${session.baseUrl}${path}`);
        await page.waitForLoadState('networkidle');
        for (const violation of await violationsOn(page)) found.push(`${locale} ${path}: ${violation}`);
      }
      await context.close();
    }
    if (found.length > 0) console.log(`AXE\n${found.join('\n')}`);
    expect(found).toEqual([]);
  }, 180_000);
});
