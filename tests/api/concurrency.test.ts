import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { delegates } from '../../db/schema/index.ts';
import { aDelegate, createEindhovenEdition, signInAccount, startTestApp, demoCongressId } from '../support/test-app.ts';
import { badgeCode, badgeSecret } from '../../server/check-in/badge-token.ts';

const run = promisify(execFile);
type App = Awaited<ReturnType<typeof startTestApp>>['app'];
let app: App;
let databasePath: string;
let baseUrl: string;
beforeEach(async () => {
  ({ app, databasePath } = await startTestApp());
  baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(async () => app.close());

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${baseUrl}/api/registrations`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const stored = () => app.db.select({ n: count() }).from(delegates).get()!.n;

describe('concurrent registrations', () => {
  it('200 at once over HTTP all land, each once', async () => {
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => post(aDelegate({ email: `burst-${i}@example.org` }))));
    expect(answers.map((answer) => answer.status)).toEqual(Array(200).fill(201));
    const ids = await Promise.all(answers.map(async (answer) => (await answer.json()).id));
    expect(new Set(ids).size).toBe(200);
    expect(stored()).toBe(200);
  });

  it('200 at once with one email register it once; the rest get 409', async () => {
    const answers = await Promise.all(Array.from({ length: 200 }, () => post(aDelegate({ email: 'same@example.org' }))));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(199);
    expect(stored()).toBe(1);
  });

  it('200 retries at once with one Idempotency-Key create one delegate and all get its answer', async () => {
    const body = aDelegate();
    const answers = await Promise.all(Array.from({ length: 200 }, () => post(body, { 'idempotency-key': 'one-attempt' })));
    const bodies = await Promise.all(answers.map((answer) => answer.json()));
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(stored()).toBe(1);
  });

  it('processes sharing the database never hand out more places than a category has', async () => {
    // Three categories filling up at once give three last places to fight over.
    const categories = ['sme', 'research', 'large-company'];
    const capacity = 20;
    for (const code of categories) app.db.$client.prepare('update delegate_categories set capacity = ? where code = ?').run(capacity, code);
    const worker = fileURLToPath(new URL('../support/race-worker.ts', import.meta.url));
    const startAt = Date.now() + 1500;
    const workers = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        run(process.execPath, ['--import', 'tsx', worker, databasePath, '60', String(startAt), String(n), categories.join(',')], { cwd: process.cwd() }),
      ),
    );
    const outcomes = workers.flatMap(({ stdout }) => JSON.parse(stdout) as string[]);
    expect(outcomes.filter((o) => o.startsWith('error'))).toEqual([]);
    for (const code of categories) {
      expect(outcomes.filter((o) => o === `${code} confirmed`), code).toHaveLength(capacity);
      expect(outcomes.filter((o) => o === `${code} waitlisted`), code).toHaveLength(80 - capacity);
    }
    const held = app.db.$client.prepare("select count(*) from delegates where status = 'confirmed'").pluck().get();
    expect(held).toBe(capacity * categories.length);
  }, 60_000);

  it('keeps each edition’s capacities to itself while processes fill two editions at once', async () => {
    const organiser = await signInAccount(app, 'organiser');
    await createEindhovenEdition(app, organiser);
    // The same category code with the same capacity in both editions: one shared count would let only 20 in across both.
    const capacity = 20;
    app.db.$client.prepare("update delegate_categories set capacity = ? where code = 'sme'").run(capacity);
    const worker = fileURLToPath(new URL('../support/race-worker.ts', import.meta.url));
    const startAt = Date.now() + 1500;
    const editions = ['tci-2015-daegu', 'tci-2016-eindhoven', 'tci-2015-daegu', 'tci-2016-eindhoven'];
    const workers = await Promise.all(
      editions.map((slug, n) => run(process.execPath, ['--import', 'tsx', worker, databasePath, '40', String(startAt), String(n + 1), 'sme', slug], { cwd: process.cwd() })),
    );
    const outcomes = workers.map(({ stdout }) => JSON.parse(stdout) as string[]);
    expect(outcomes.flat().filter((o) => o.startsWith('error'))).toEqual([]);
    for (const slug of ['tci-2015-daegu', 'tci-2016-eindhoven']) {
      const mine = outcomes.filter((_, n) => editions[n] === slug).flat();
      expect(mine.filter((o) => o === 'sme confirmed'), slug).toHaveLength(capacity);
      expect(mine.filter((o) => o === 'sme waitlisted'), slug).toHaveLength(80 - capacity);
      const held = app.db.$client
        .prepare("select count(*) from delegates d join congresses c on c.id = d.congress_id join delegate_categories k on k.id = d.category_id where c.slug = ? and k.code = 'sme' and d.status = 'confirmed'")
        .pluck()
        .get(slug);
      expect(held, slug).toBe(capacity);
    }
  }, 60_000);
});

describe('organisers publishing the consultation plan at once', () => {
  it('publishes only a revision nobody changed after it was read', async () => {
    const worker = fileURLToPath(new URL('../support/publish-race-worker.ts', import.meta.url));
    const startAt = Date.now() + 1500;
    const workers = await Promise.all(
      [1, 2, 3].map((account) => run(process.execPath, ['--import', 'tsx', worker, databasePath, '40', String(startAt), String(account)], { cwd: process.cwd() })),
    );
    const outcomes = workers.flatMap(({ stdout }) => JSON.parse(stdout) as string[]);
    expect(outcomes.filter((o) => o.startsWith('error'))).toEqual([]);
    expect(outcomes.filter((o) => o === 'published').length).toBeGreaterThan(0);
    // In commit order, each publication names the revision of the change just before it.
    const log = app.db.$client
      .prepare("select action, data from audit_log where action like 'consultation.plan.%' order by id")
      .all() as { action: string; data: string }[];
    let current = 0;
    for (const entry of log) {
      const { revision } = JSON.parse(entry.data) as { revision: number };
      if (entry.action === 'consultation.plan.publish') expect(revision).toBe(current);
      else current = revision;
    }
    const published = app.db.$client.prepare('select consultation_published_revision from congresses').pluck().get();
    expect(published).toBe(JSON.parse(log.findLast((entry) => entry.action === 'consultation.plan.publish')!.data).revision);
  }, 60_000);
});

describe('side-event sign-ups at once', () => {
  it('processes signing up together never give a side event more people than its places', async () => {
    const capacity = 45;
    const answers = await Promise.all(Array.from({ length: 160 }, (_, i) => post(aDelegate({ email: `night-tour-${i}@example.org` }))));
    const delegateIds = (await Promise.all(answers.map(async (answer) => (await answer.json()).id))) as number[];
    const worker = fileURLToPath(new URL('../support/agenda-race-worker.ts', import.meta.url));
    const startAt = Date.now() + 1500;
    const shares = [0, 1, 2, 3].map((k) => delegateIds.filter((_, index) => index % 4 === k));
    const workers = await Promise.all(shares.map((ids) => run(process.execPath, ['--import', 'tsx', worker, databasePath, 'night-tour', String(startAt), 'add', ids.join(',')], { cwd: process.cwd() })));
    const outcomes = workers.flatMap(({ stdout }) => JSON.parse(stdout) as string[]);
    expect(outcomes.filter((o) => o.startsWith('error'))).toEqual([]);
    expect(outcomes.filter((o) => o === 'going')).toHaveLength(capacity);
    expect(outcomes.filter((o) => o === 'waitlisted')).toHaveLength(160 - capacity);
    const going = app.db.$client.prepare("select count(*) from agenda_entries a join programme_sessions s on s.id = a.session_id where s.code = 'night-tour' and a.status = 'going'").pluck().get();
    expect(going).toBe(capacity);
  }, 60_000);

  it('processes giving places up while others sign up never overfill the side event, and freed places go to the waiting list first come, first served', async () => {
    const capacity = 45;
    const answers = await Promise.all(Array.from({ length: 105 }, (_, i) => post(aDelegate({ email: `night-tour-swap-${i}@example.org` }))));
    const ids = (await Promise.all(answers.map(async (answer) => (await answer.json()).id))) as number[];
    const holders = ids.slice(0, capacity);
    const newcomers = ids.slice(capacity);
    const worker = fileURLToPath(new URL('../support/agenda-race-worker.ts', import.meta.url));
    const race = (startAt: number, action: string, share: number[]) =>
      run(process.execPath, ['--import', 'tsx', worker, databasePath, 'night-tour', String(startAt), action, share.join(',')], { cwd: process.cwd() });
    await race(Date.now(), 'add', holders);
    const startAt = Date.now() + 1500;
    const leaving = holders.slice(0, 20);
    await Promise.all([
      race(startAt, 'remove', leaving.filter((_, k) => k % 2 === 0)),
      race(startAt, 'remove', leaving.filter((_, k) => k % 2 === 1)),
      race(startAt, 'add', newcomers.filter((_, k) => k % 2 === 0)),
      race(startAt, 'add', newcomers.filter((_, k) => k % 2 === 1)),
    ]);
    const entries = app.db.$client
      .prepare("select a.id, a.delegate_id as delegateId, a.status from agenda_entries a join programme_sessions s on s.id = a.session_id where s.code = 'night-tour' order by a.id")
      .all() as { id: number; delegateId: number; status: string }[];
    expect(entries.filter((entry) => entry.status === 'going')).toHaveLength(capacity);
    expect(entries.filter((entry) => entry.status === 'waitlisted')).toHaveLength(newcomers.length - leaving.length);
    expect(entries.some((entry) => leaving.includes(entry.delegateId))).toBe(false);
    // Among the newcomers, everyone who got a place signed up before everyone still waiting.
    const arrivals = entries.filter((entry) => newcomers.includes(entry.delegateId));
    const lastPlaced = Math.max(...arrivals.filter((entry) => entry.status === 'going').map((entry) => entry.id));
    const firstWaiting = Math.min(...arrivals.filter((entry) => entry.status === 'waitlisted').map((entry) => entry.id));
    expect(lastPlaced).toBeLessThan(firstWaiting);
  }, 60_000);
});

describe('two desks scanning the same badges at once', () => {
  it('records one check-in per delegate, and every other scan hears it was already made', async () => {
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => post(aDelegate({ email: `door-${i}@example.org` }))));
    const ids = (await Promise.all(answers.map(async (answer) => (await answer.json()).id))) as number[];
    await signInAccount(app, 'desk');
    const accountId = app.db.$client.prepare('select id from accounts limit 1').pluck().get() as number;
    const secret = badgeSecret(app.db, demoCongressId(app));
    const codes = ids.map((id) => badgeCode(secret, id)).join(',');
    const worker = fileURLToPath(new URL('../support/check-in-race-worker.ts', import.meta.url));
    const startAt = Date.now() + 1500;
    const desks = await Promise.all(['desk 1', 'desk 2', 'desk 3'].map((desk) => run(process.execPath, ['--import', 'tsx', worker, databasePath, String(startAt), desk, String(accountId), codes], { cwd: process.cwd() })));
    const outcomes = desks.map(({ stdout }) => JSON.parse(stdout) as string[]);
    expect(outcomes.flat().filter((o) => o.startsWith('error'))).toEqual([]);
    ids.forEach((_, k) => expect(outcomes.map((desk) => desk[k]).sort(), `badge ${k}`).toEqual(['already', 'already', 'checked-in']));
    expect(app.db.$client.prepare('select count(*) from check_ins').pluck().get()).toBe(60);
  }, 60_000);
});
