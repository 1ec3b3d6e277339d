import { afterAll, afterEach, beforeEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type AppOptions } from '../../server/app.ts';
import { noAbuseLimits } from '../../server/abuse/abuse-limits.ts';
import { createAccount } from '../../server/auth/accounts-service.ts';
import { hashPassword } from '../../server/auth/password.ts';
import type { RegistrationBody } from '../../shared/registration-schema.ts';
import type { CongressRole } from '../../db/schema/congress-memberships.ts';
import { demoCongressSlug } from '../../server/congress/demo-congress.ts';

export const organiserCredentials = { email: 'organiser@test.example', password: 'correct horse battery staple' };

const folders: string[] = [];
// Removed when the test file ends, after its own hooks have closed every app: a root onClose hook of the test
// would run before the database plugin's and delete files SQLite still writes.
afterAll(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/**
 * A server on its own fresh database file (WAL needs a real file), in a folder removed when the test file ends.
 * Per-address limits are off unless a test sets them: every injected request comes from one address.
 */
export async function startTestApp(options: Partial<AppOptions> = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'congress-test-'));
  folders.push(folder);
  const databasePath = join(folder, 'congress.sqlite');
  const app = await buildApp({ databasePath, limits: noAbuseLimits, ...options });
  return { app, databasePath };
}

/**
 * For a test file whose tests each start apps with their own options: the function that starts one, every app it
 * started being closed after its test. `track` closes an app started otherwise (another process on the same file).
 */
export function useAppsPerTest() {
  const apps: Awaited<ReturnType<typeof startTestApp>>['app'][] = [];
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
  });
  const track = <T extends { close: () => Promise<unknown> }>(app: T) => (apps.push(app as never), app);
  return {
    start: async (options: Partial<AppOptions> = {}) => {
      const started = await startTestApp(options);
      track(started.app);
      return started;
    },
    track,
  };
}

/** The id of the demo congress, which every test database holds. */
export const demoCongressId = (app: Awaited<ReturnType<typeof startTestApp>>['app']) => app.findCongress(demoCongressSlug)!.id;

let passwordHash: Promise<string> | undefined;

/**
 * Creates an account holding the role in one edition (the demo unless `congress` names another) and signs it in
 * there; returns the session's bearer header. The owner has the organiser credentials.
 */
export async function signInAccount(app: Awaited<ReturnType<typeof startTestApp>>['app'], role: CongressRole, congress = demoCongressSlug) {
  passwordHash ??= hashPassword(organiserCredentials.password);
  const email = role === 'owner' && congress === demoCongressSlug ? organiserCredentials.email : `${role}.${congress}@test.example`;
  createAccount(app.db, { email, displayName: `Test ${role}`, passwordHash: await passwordHash, congressId: app.findCongress(congress)!.id, role });
  const response = await app.inject({ method: 'POST', url: `/api/c/${congress}/auth/login`, payload: { email, password: organiserCredentials.password } });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
  return { authorization: `Bearer ${response.json().token as string}` };
}

/** The demo's owner, who may do everything there. */
export const signInOrganiser = (app: Awaited<ReturnType<typeof startTestApp>>['app']) => signInAccount(app, 'owner');

/** Registers a delegate through the API; returns the answer with the bearer header of their personal token. */
/** Publishes the consultation plan as it stands, as an organiser who has just looked at it. */
export async function publishConsultationPlan(app: Awaited<ReturnType<typeof startTestApp>>['app'], organiser: { authorization: string }) {
  const { revision } = (await app.inject({ url: '/api/consultations/plan', headers: organiser })).json() as { revision: number };
  return app.inject({ method: 'POST', url: '/api/consultations/plan/publish', headers: organiser, payload: { revision } });
}

/** Registers a delegate as the public form does, in `language` (the interface language they registered in). */
export async function registerDelegate(app: Awaited<ReturnType<typeof startTestApp>>['app'], overrides: Partial<RegistrationBody> = {}, language = 'en') {
  const body = (await app.inject({ method: 'POST', url: '/api/registrations', payload: aDelegate(overrides), headers: { 'accept-language': language } })).json();
  return { ...body, headers: { authorization: `Bearer ${body.token}` } } as { id: number; token: string; status: string; headers: { authorization: string } };
}

let sequence = 0;
export function aDelegate(overrides: Partial<RegistrationBody> = {}): RegistrationBody {
  sequence++;
  return {
    givenName: 'Minjun',
    familyName: 'Kim',
    email: `delegate${sequence}-${process.pid}@example.org`,
    country: 'KR',
    category: 'university',
    languages: ['ko', 'en'],
    ...overrides,
  };
}

/**
 * The 19th TCI Global Conference in Eindhoven (Europe/Amsterdam), copied from the demo, with registration open:
 * the second edition the tests run beside the demo.
 */
export async function createEindhovenEdition(app: Awaited<ReturnType<typeof startTestApp>>['app'], organiser: { authorization: string }) {
  const created = await app.inject({
    method: 'POST',
    url: '/api/congresses',
    headers: organiser,
    payload: { slug: 'tci-2016-eindhoven', name: { en: '19th TCI Global Conference' }, startsOn: '2016-09-27', endsOn: '2016-09-30', venue: { en: 'Evoluon' }, city: { en: 'Eindhoven' }, timeZone: 'Europe/Amsterdam', copyFrom: 'tci-2015-daegu' },
  });
  if (created.statusCode !== 201) throw new Error(`the Eindhoven edition was not created: ${created.body}`);
  const opened = await app.inject({ method: 'PATCH', url: '/api/c/tci-2016-eindhoven/congress', headers: organiser, payload: { registrationOpen: true } });
  if (opened.statusCode !== 200) throw new Error(`its registration did not open: ${opened.body}`);
}

/** For an API test file: a fresh app with a signed-in organiser before each test, closed after it. */
export function useTestApp() {
  const context = {} as { app: Awaited<ReturnType<typeof startTestApp>>['app']; organiser: { authorization: string } };
  beforeEach(async () => {
    ({ app: context.app } = await startTestApp());
    context.organiser = await signInOrganiser(context.app);
  });
  afterEach(async () => context.app.close());
  return context;
}
