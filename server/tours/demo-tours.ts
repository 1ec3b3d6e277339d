import { eq } from 'drizzle-orm';
import { tourBuses, tours } from '../../db/schema/index.ts';
import type { Transaction } from '../database/transaction.ts';

const bus = (label: string, capacity: number, guideLanguages: string[]) => ({ label, capacity, guideLanguages });

/**
 * The seven cluster tours of 3 November 2015: about 300 foreign experts left EXCO in the morning for the pilot
 * industrial complexes. Buses of 45 seats; every bus has an English-speaking guide, some a second language.
 */
export const demoTours = [
  {
    code: 'changwon',
    titleKo: '창원 국가산업단지 — 기계·메카트로닉스 클러스터',
    titleEn: 'Changwon National Industrial Complex — machinery and mechatronics',
    descriptionKo: '공작기계·금형·메카트로닉스 미니클러스터와 기계부품 기업 현장 방문.',
    descriptionEn: 'Machine tools, moulds and mechatronics mini-clusters; visits to machine-parts makers.',
    departsAt: '2015-11-03T07:30:00+09:00',
    returnsAt: '2015-11-03T18:30:00+09:00',
    meetingPointKo: 'EXCO 서관 정문 앞 버스 승강장 1',
    meetingPointEn: 'EXCO west hall main entrance, bus bay 1',
    buses: [bus('Bus 1', 45, ['en', 'ko']), bus('Bus 2', 45, ['zh', 'en'])],
  },
  {
    code: 'gumi',
    titleKo: '구미 국가산업단지 — 전자 클러스터',
    titleEn: 'Gumi National Industrial Complex — electronics',
    descriptionKo: '디스플레이·모바일 기기 부품 기업과 전자 미니클러스터 방문.',
    descriptionEn: 'Display and mobile-device component makers and the electronics mini-clusters.',
    departsAt: '2015-11-03T08:30:00+09:00',
    returnsAt: '2015-11-03T17:00:00+09:00',
    meetingPointKo: 'EXCO 서관 정문 앞 버스 승강장 2',
    meetingPointEn: 'EXCO west hall main entrance, bus bay 2',
    buses: [bus('Bus 1', 45, ['en', 'ko'])],
  },
  {
    code: 'ulsan',
    titleKo: '울산 미포 국가산업단지 — 자동차·조선·화학',
    titleEn: 'Ulsan Mipo National Industrial Complex — automotive, shipbuilding, chemicals',
    descriptionKo: '자동차·조선 공급망 기업과 석유화학 단지 견학.',
    descriptionEn: 'Automotive and shipbuilding supply chains and the petrochemical complex.',
    departsAt: '2015-11-03T07:30:00+09:00',
    returnsAt: '2015-11-03T18:00:00+09:00',
    meetingPointKo: 'EXCO 서관 정문 앞 버스 승강장 3',
    meetingPointEn: 'EXCO west hall main entrance, bus bay 3',
    buses: [bus('Bus 1', 45, ['en', 'ko']), bus('Bus 2', 45, ['ja', 'en'])],
  },
  {
    code: 'banwol-sihwa',
    titleKo: '반월·시화 국가산업단지 — 부품·소재',
    titleEn: 'Banwol-Sihwa National Industrial Complex — parts and materials',
    descriptionKo: '수도권 최대 부품·소재 중소기업 집적지 방문.',
    descriptionEn: 'The largest cluster of parts-and-materials SMEs in the capital region.',
    departsAt: '2015-11-03T07:00:00+09:00',
    returnsAt: '2015-11-03T20:00:00+09:00',
    meetingPointKo: 'EXCO 동관 출입구 앞 버스 승강장 4',
    meetingPointEn: 'EXCO east hall entrance, bus bay 4',
    buses: [bus('Bus 1', 45, ['en', 'es'])],
  },
  {
    code: 'gwangju',
    titleKo: '광주 첨단과학산업단지 — 광산업',
    titleEn: 'Gwangju Advanced Science Industrial Complex — opto-electronics',
    descriptionKo: 'LED·광통신 등 광산업 클러스터 기업 방문.',
    descriptionEn: 'LED, optical communication and other opto-electronics firms.',
    departsAt: '2015-11-03T07:30:00+09:00',
    returnsAt: '2015-11-03T19:00:00+09:00',
    meetingPointKo: 'EXCO 동관 출입구 앞 버스 승강장 5',
    meetingPointEn: 'EXCO east hall entrance, bus bay 5',
    buses: [bus('Bus 1', 45, ['en', 'zh'])],
  },
  {
    code: 'wonju',
    titleKo: '원주 문막 산업단지 — 의료기기',
    titleEn: 'Wonju Munmak Industrial Complex — medical devices',
    descriptionKo: '의료기기·재활기기 기업과 의료기기 테크노밸리 방문.',
    descriptionEn: 'Medical and rehabilitation device makers and the medical-device techno valley.',
    departsAt: '2015-11-03T07:30:00+09:00',
    returnsAt: '2015-11-03T19:00:00+09:00',
    meetingPointKo: 'EXCO 동관 출입구 앞 버스 승강장 6',
    meetingPointEn: 'EXCO east hall entrance, bus bay 6',
    buses: [bus('Bus 1', 45, ['en', 'ru'])],
  },
  {
    code: 'gunsan',
    titleKo: '군산 국가산업단지 — 자동차·기계·조선',
    titleEn: 'Gunsan National Industrial Complex — automotive, machinery, shipbuilding',
    descriptionKo: '551개 기업, 17,621명 고용의 자동차·기계·조선 클러스터 방문.',
    descriptionEn: 'Automotive, machinery and shipbuilding: 551 firms and 17,621 jobs.',
    departsAt: '2015-11-03T07:30:00+09:00',
    returnsAt: '2015-11-03T19:00:00+09:00',
    meetingPointKo: 'EXCO 동관 출입구 앞 버스 승강장 7',
    meetingPointEn: 'EXCO east hall entrance, bus bay 7',
    buses: [bus('Bus 1', 45, ['en', 'vi'])],
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
