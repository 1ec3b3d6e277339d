import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../server/auth/accounts-service.ts';
import { addDemoDelegates, demoCountries, demoDelegate } from '../../server/registration/demo-delegates.ts';
import { runTourAssignment, tourAssignmentPreview } from '../../server/tours/tour-assignment-service.ts';
import { startTestApp, demoCongressId } from '../support/test-app.ts';

type App = Awaited<ReturnType<typeof startTestApp>>['app'];
let app: App;
let organiserId: number;
beforeAll(async () => {
  ({ app } = await startTestApp());
  organiserId = createAccount(app.db, { email: 'seed@example.org', displayName: 'Seeder', passwordHash: 'scrypt$1$1$1$x$y', congressId: demoCongressId(app), role: 'owner' });
});
afterAll(async () => app.close());

describe('the demo congress', () => {
  it('is the 18th TCI Global Conference at EXCO Daegu, 3–6 November 2015, with its days and categories', async () => {
    const congress = (await app.inject('/api/congress')).json();
    expect(congress).toMatchObject({
      name: { ko: '제18회 세계 클러스터 경쟁력 총회', en: '18th TCI Global Conference' },
      startsOn: '2015-11-03',
      endsOn: '2015-11-06',
      venue: { en: 'EXCO', ko: '엑스코(EXCO)' },
      city: { en: 'Daegu', ko: '대구' },
      timeZone: 'Asia/Seoul',
    });
    expect(congress.days.map((d: { date: string }) => d.date)).toEqual(['2015-11-03', '2015-11-04', '2015-11-05', '2015-11-06']);
    expect(congress.categories.map((c: { code: string }) => c.code)).toEqual([
      'government', 'university', 'research', 'large-company', 'sme', 'international-organisation', 'press', 'speaker', 'staff',
    ]);
  });

  it('lists 86 distinct countries', () => {
    expect(new Set(demoCountries.map((c) => c.country)).size).toBe(86);
    expect(demoCountries).toHaveLength(86);
  });

  it('makes the same delegates for the same seed and others for another seed', () => {
    expect(demoDelegate(2015, 123)).toEqual(demoDelegate(2015, 123));
    expect(demoDelegate(2016, 123)).not.toEqual(demoDelegate(2015, 123));
  });

  it('registers ~900 delegates from all 86 countries through the ordinary rules, in their own scripts, once per seed', () => {
    const first = addDemoDelegates(app.registrationsOf(demoCongressId(app)), { seed: 2015, count: 900, organiserId });
    expect(first).toEqual({ added: 900, skipped: 0, withTourChoices: 300 });
    const sqlite = app.db.$client;
    expect(sqlite.prepare('select count(distinct country) from delegates').pluck().get()).toBe(86);
    const koreans = sqlite.prepare("select count(*) from delegates where country = 'KR'").pluck().get() as number;
    expect(koreans).toBeGreaterThan(250);
    expect(koreans).toBeLessThan(400);
    const scripts = { Hangul: /\p{Script=Hangul}/u, Han: /\p{Script=Han}/u, Cyrillic: /\p{Script=Cyrillic}/u, Arabic: /\p{Script=Arabic}/u, Devanagari: /\p{Script=Devanagari}/u };
    const names = sqlite.prepare('select family_name from delegates').pluck().all() as string[];
    for (const [script, pattern] of Object.entries(scripts)) expect(names.some((name) => pattern.test(name)), script).toBe(true);
    const byStatus = Object.fromEntries((sqlite.prepare('select status, count(*) n from delegates group by status').all() as { status: string; n: number }[]).map((r) => [r.status, r.n]));
    expect(byStatus.confirmed).toBeGreaterThan(800);
    // No category holds more than its capacity, as the ordinary rules guarantee.
    const over = sqlite
      .prepare("select c.code from delegate_categories c join delegates d on d.category_id = c.id and d.status in ('confirmed','pending') group by c.id having count(*) > c.capacity")
      .all();
    expect(over).toEqual([]);
    expect(addDemoDelegates(app.registrationsOf(demoCongressId(app)), { seed: 2015, count: 900, organiserId })).toEqual({ added: 0, skipped: 900, withTourChoices: 0 });
  });

  it('has 300 foreign experts with three ranked choices among the seven cluster tours, and seats for them', async () => {
    const sqlite = app.db.$client;
    const choosers = sqlite.prepare("select count(distinct p.delegate_id) from tour_preferences p join delegates d on d.id = p.delegate_id where d.country <> 'KR'").pluck().get();
    expect(choosers).toBe(300);
    expect(sqlite.prepare('select count(*) from tour_preferences').pluck().get()).toBe(900);
    runTourAssignment(app.db, demoCongressId(app), organiserId);
    const preview = tourAssignmentPreview(app.db, demoCongressId(app), 'en');
    // Every expert who understands a guide gets a seat; the rest are told which languages the guides speak.
    expect(preview.placed + preview.unassigned.length).toBe(300);
    expect(preview.placed).toBeGreaterThan(250);
    expect(preview.unassigned.every((entry) => entry.reason.startsWith('None of the chosen tours'))).toBe(true);
  });
});
