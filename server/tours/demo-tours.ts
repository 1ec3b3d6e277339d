import { and, asc, eq, ne } from 'drizzle-orm';
import { delegates, tourBuses, tourPreferences, tours } from '../../db/schema/index.ts';
import type { Executor, Transaction } from '../database/transaction.ts';
import { seededRandom } from '../scheduling/random.ts';
import { uiLanguages } from '../../shared/languages.ts';
import { translatorFor } from '../i18n/translator.ts';
import { setTourChoices } from './tour-choices-service.ts';

/** A numbered bus, called as each language calls a coach by its number. */
const bus = (number: number, capacity: number, guideLanguages: string[]) => ({
  label: Object.fromEntries(uiLanguages.map((language) => [language, translatorFor(language)('common:setup.busLabel', { number })])),
  capacity,
  guideLanguages,
});

/**
 * The seven cluster tours of 3 November 2015: about 300 foreign experts left EXCO in the morning for the pilot
 * industrial complexes. Buses of 45 seats; every bus has an English-speaking guide, some a second language.
 */
export const demoTours = [
  {
    code: 'changwon',
    title: { ko: '창원 국가산업단지 — 기계·메카트로닉스 클러스터', en: 'Changwon National Industrial Complex — machinery and mechatronics' },
    description: { ko: '공작기계·금형·메카트로닉스 미니클러스터와 기계부품 기업 현장 방문.', en: 'Machine tools, moulds and mechatronics mini-clusters; visits to machine-parts makers.' },
    departsAt: '2015-11-03T07:30:00+09:00',
    returnsAt: '2015-11-03T18:30:00+09:00',
    meetingPoint: { ko: 'EXCO 서관 정문 앞 버스 승강장 1', en: 'EXCO west hall main entrance, bus bay 1' },
    buses: [bus(1, 45, ['en', 'ko']), bus(2, 45, ['zh', 'en'])],
  },
  {
    code: 'gumi',
    title: { ko: '구미 국가산업단지 — 전자 클러스터', en: 'Gumi National Industrial Complex — electronics' },
    description: { ko: '디스플레이·모바일 기기 부품 기업과 전자 미니클러스터 방문.', en: 'Display and mobile-device component makers and the electronics mini-clusters.' },
    departsAt: '2015-11-03T08:30:00+09:00',
    returnsAt: '2015-11-03T17:00:00+09:00',
    meetingPoint: { ko: 'EXCO 서관 정문 앞 버스 승강장 2', en: 'EXCO west hall main entrance, bus bay 2' },
    buses: [bus(1, 45, ['en', 'ko'])],
  },
  {
    code: 'ulsan',
    title: { ko: '울산 미포 국가산업단지 — 자동차·조선·화학', en: 'Ulsan Mipo National Industrial Complex — automotive, shipbuilding, chemicals' },
    description: { ko: '자동차·조선 공급망 기업과 석유화학 단지 견학.', en: 'Automotive and shipbuilding supply chains and the petrochemical complex.' },
    departsAt: '2015-11-03T07:30:00+09:00',
    returnsAt: '2015-11-03T18:00:00+09:00',
    meetingPoint: { ko: 'EXCO 서관 정문 앞 버스 승강장 3', en: 'EXCO west hall main entrance, bus bay 3' },
    buses: [bus(1, 45, ['en', 'ko']), bus(2, 45, ['ja', 'en'])],
  },
  {
    code: 'banwol-sihwa',
    title: { ko: '반월·시화 국가산업단지 — 부품·소재', en: 'Banwol-Sihwa National Industrial Complex — parts and materials' },
    description: { ko: '수도권 최대 부품·소재 중소기업 집적지 방문.', en: 'The largest cluster of parts-and-materials SMEs in the capital region.' },
    departsAt: '2015-11-03T07:00:00+09:00',
    returnsAt: '2015-11-03T20:00:00+09:00',
    meetingPoint: { ko: 'EXCO 동관 출입구 앞 버스 승강장 4', en: 'EXCO east hall entrance, bus bay 4' },
    buses: [bus(1, 45, ['en', 'es'])],
  },
  {
    code: 'gwangju',
    title: { ko: '광주 첨단과학산업단지 — 광산업', en: 'Gwangju Advanced Science Industrial Complex — opto-electronics' },
    description: { ko: 'LED·광통신 등 광산업 클러스터 기업 방문.', en: 'LED, optical communication and other opto-electronics firms.' },
    departsAt: '2015-11-03T07:30:00+09:00',
    returnsAt: '2015-11-03T19:00:00+09:00',
    meetingPoint: { ko: 'EXCO 동관 출입구 앞 버스 승강장 5', en: 'EXCO east hall entrance, bus bay 5' },
    buses: [bus(1, 45, ['en', 'zh'])],
  },
  {
    code: 'wonju',
    title: { ko: '원주 문막 산업단지 — 의료기기', en: 'Wonju Munmak Industrial Complex — medical devices' },
    description: { ko: '의료기기·재활기기 기업과 의료기기 테크노밸리 방문.', en: 'Medical and rehabilitation device makers and the medical-device techno valley.' },
    departsAt: '2015-11-03T07:30:00+09:00',
    returnsAt: '2015-11-03T19:00:00+09:00',
    meetingPoint: { ko: 'EXCO 동관 출입구 앞 버스 승강장 6', en: 'EXCO east hall entrance, bus bay 6' },
    buses: [bus(1, 45, ['en', 'ru'])],
  },
  {
    code: 'gunsan',
    title: { ko: '군산 국가산업단지 — 자동차·기계·조선', en: 'Gunsan National Industrial Complex — automotive, machinery, shipbuilding' },
    description: { ko: '551개 기업, 17,621명 고용의 자동차·기계·조선 클러스터 방문.', en: 'Automotive, machinery and shipbuilding: 551 firms and 17,621 jobs.' },
    departsAt: '2015-11-03T07:30:00+09:00',
    returnsAt: '2015-11-03T19:00:00+09:00',
    meetingPoint: { ko: 'EXCO 동관 출입구 앞 버스 승강장 7', en: 'EXCO east hall entrance, bus bay 7' },
    buses: [bus(1, 45, ['en', 'vi'])],
  },
];

/** Adds the demo tours and their buses to a congress that has no tours yet. */
export function ensureDemoTours(tx: Transaction, congressId: number): void {
  if (tx.select({ id: tours.id }).from(tours).where(eq(tours.congressId, congressId)).limit(1).get()) return;
  demoTours.forEach(({ buses, ...tour }, sortOrder) => {
    const { id } = tx.insert(tours).values({ ...tour, congressId, sortOrder }).returning({ id: tours.id }).get();
    tx.insert(tourBuses).values(buses.map((b, k) => ({ ...b, tourId: id, sortOrder: k }))).run();
  });
}

/** How strongly the 2015 visitors wanted each cluster: the big national complexes first. */
const demoPopularity: [string, number][] = [
  ['changwon', 30],
  ['ulsan', 25],
  ['gumi', 15],
  ['gwangju', 10],
  ['gunsan', 8],
  ['wonju', 7],
  ['banwol-sihwa', 5],
];

/**
 * Gives the first 300 confirmed foreign delegates three ranked tour choices, as the experts of 2015 would have.
 * Does nothing once anyone has chosen; the same seed gives the same choices.
 */
export function addDemoTourChoices(db: Executor, congressId: number, seed: number, howMany = 300): number {
  if (db.select({ id: tourPreferences.delegateId }).from(tourPreferences).limit(1).get()) return 0;
  const random = seededRandom(seed);
  const visitors = db
    .select({ id: delegates.id })
    .from(delegates)
    .where(and(eq(delegates.congressId, congressId), eq(delegates.status, 'confirmed'), ne(delegates.country, 'KR')))
    .orderBy(asc(delegates.id))
    .limit(howMany)
    .all();
  for (const { id } of visitors) {
    const pool = [...demoPopularity];
    const codes: string[] = [];
    while (codes.length < 3) {
      const total = pool.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = random() * total;
      const k = pool.findIndex(([, weight]) => (roll -= weight) < 0);
      codes.push(pool.splice(k < 0 ? pool.length - 1 : k, 1)[0]![0]);
    }
    setTourChoices(db, congressId, id, codes);
  }
  return visitors.length;
}
