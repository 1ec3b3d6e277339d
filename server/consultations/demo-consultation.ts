import { count, eq, inArray } from 'drizzle-orm';
import {
  consultationInterpreters,
  consultationMeetings,
  consultationOutcomes,
  consultationParticipants,
  consultationSlots,
  consultationTables,
} from '../../db/schema/index.ts';
import type { Transaction } from '../database/transaction.ts';
import { seededRandom, shuffle } from '../scheduling/random.ts';
import { consultationInstance, storeSchedule } from './consultation-plan-service.ts';
import { scheduleConsultations } from './engine/schedule-consultations.ts';

/**
 * The export consultation of 4 November 2015 (seed 004): 18 buyers from India, China, Vietnam and Indonesia held 111
 * pre-matched meetings with 36 Korean suppliers from the seven pilot clusters; 43 contracts worth USD 40 million went
 * into progress and USD 220,000 were signed on the spot. Company names are invented; the figures are the event's.
 *
 * The demo day starts planned but not yet held, so organisers can run it (publish, arrivals, no-shows, re-bookings,
 * outcomes); `recordDemoConsultationResults` (`npm run seed:demo -- --consultation-results`) records the 2015 results.
 */
const slotTimes = ['10:00', '10:30', '11:00', '11:30', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00'];

const buyers: { company: string; country: string; languages: string[]; hsCodes: string[]; annualPurchaseUsd: number; wants: string }[] = [
  { company: 'Bharat Auto Components Pvt. Ltd.', country: 'IN', languages: ['en', 'hi'], hsCodes: ['8708', '7318'], annualPurchaseUsd: 42_000_000, wants: 'Brake and suspension parts, IATF 16949, 20k units a month' },
  { company: 'Pune Precision Tools Ltd.', country: 'IN', languages: ['en'], hsCodes: ['8459', '8460', '8480'], annualPurchaseUsd: 18_000_000, wants: 'CNC milling and grinding machines, 5-axis' },
  { company: 'Chennai MedTech Supplies', country: 'IN', languages: ['en', 'ta'], hsCodes: ['9018', '9021'], annualPurchaseUsd: 9_500_000, wants: 'Patient monitors and orthopaedic devices, CE and ISO 13485' },
  { company: 'Gujarat Power Electricals', country: 'IN', languages: ['en', 'hi'], hsCodes: ['8536', '8544', '8504'], annualPurchaseUsd: 25_000_000, wants: 'Switchgear, cables and transformers for utilities' },
  { company: 'Delhi LED Lighting Co.', country: 'IN', languages: ['en', 'hi'], hsCodes: ['8541', '9405'], annualPurchaseUsd: 7_000_000, wants: 'LED chips and street-light modules, BIS certified' },
  { company: 'Mumbai Marine Engineering', country: 'IN', languages: ['en'], hsCodes: ['8487', '7318', '8481'], annualPurchaseUsd: 14_000_000, wants: 'Ship valves, fasteners and machinery parts' },
  { company: 'Shenzhen Huaxin Electronics', country: 'CN', languages: ['zh'], hsCodes: ['8541', '8534', '8471'], annualPurchaseUsd: 60_000_000, wants: 'Display drivers, printed circuits, display modules' },
  { company: 'Qingdao Ocean Shipbuilding Supply', country: 'CN', languages: ['zh'], hsCodes: ['8487', '8481', '7318'], annualPurchaseUsd: 33_000_000, wants: 'Marine valves and shafting parts' },
  { company: 'Changchun Auto Parts Trading', country: 'CN', languages: ['zh'], hsCodes: ['8708', '8483'], annualPurchaseUsd: 51_000_000, wants: 'Transmission parts and gears, tier-1 quality' },
  { company: 'Suzhou Mould & Die Co.', country: 'CN', languages: ['zh', 'en'], hsCodes: ['8480', '8459'], annualPurchaseUsd: 12_000_000, wants: 'Injection moulds for car interiors' },
  { company: 'Wuhan Optical Valley Photonics', country: 'CN', languages: ['zh'], hsCodes: ['8541', '9001', '9013'], annualPurchaseUsd: 20_000_000, wants: 'Optical fibre components and lasers' },
  { company: 'Hanoi Motor Industry JSC', country: 'VN', languages: ['vi'], hsCodes: ['8708', '8483', '7318'], annualPurchaseUsd: 16_000_000, wants: 'Motorcycle and car parts for local assembly' },
  { company: 'Saigon Medical Equipment', country: 'VN', languages: ['vi', 'en'], hsCodes: ['9018', '9019', '9021'], annualPurchaseUsd: 6_000_000, wants: 'Rehabilitation and hospital equipment' },
  { company: 'Hai Phong Electric Wire', country: 'VN', languages: ['vi'], hsCodes: ['8544', '8536'], annualPurchaseUsd: 11_000_000, wants: 'Wiring harnesses and connectors' },
  { company: 'Da Nang Industrial Machinery', country: 'VN', languages: ['vi'], hsCodes: ['8479', '8459', '8466'], annualPurchaseUsd: 8_000_000, wants: 'Factory automation and machine-tool parts' },
  { company: 'PT Jakarta Otomotif Nusantara', country: 'ID', languages: ['id', 'en'], hsCodes: ['8708', '8544'], annualPurchaseUsd: 28_000_000, wants: 'Car parts and harnesses for CKD plants' },
  { company: 'PT Surabaya Elektronika', country: 'ID', languages: ['id'], hsCodes: ['8471', '8534', '8536'], annualPurchaseUsd: 10_000_000, wants: 'Electronic assemblies and enclosures' },
  { company: 'PT Bandung Alat Kesehatan', country: 'ID', languages: ['id', 'en'], hsCodes: ['9018', '9021'], annualPurchaseUsd: 5_000_000, wants: 'Medical devices with Kemenkes registration' },
];

const clusterSuppliers: { complex: string; miniCluster: string; hsCodes: string[][]; names: string[] }[] = [
  { complex: 'changwon', miniCluster: 'machine tools', hsCodes: [['8459', '8466'], ['8460', '8466'], ['8480', '8479'], ['8483', '8708'], ['8479', '8459']], names: ['Changwon Precision Machinery', 'Masan Grinding Tech', 'Gyeongnam Mold', 'Seongsan Gear Works', 'Changwon Automation Systems'] },
  { complex: 'gumi', miniCluster: 'electronics', hsCodes: [['8541', '8534'], ['8471', '8534'], ['8536', '8544'], ['8541', '9405'], ['8504', '8536']], names: ['Gumi Display Parts', 'Geumo Circuit', 'Seonsan Connector', 'Gumi LED Module', 'Nakdong Power Electronics'] },
  { complex: 'ulsan', miniCluster: 'automotive and shipbuilding', hsCodes: [['8708', '7318'], ['8487', '8481'], ['8708', '8483'], ['8481', '8487'], ['7318', '8708'], ['8544', '8708']], names: ['Ulsan Auto Tech', 'Mipo Marine Valve', 'Onsan Drivetrain', 'Bangeojin Ship Parts', 'Taehwa Fasteners', 'Ulsan Harness'] },
  { complex: 'banwol-sihwa', miniCluster: 'parts and materials', hsCodes: [['7318', '8483'], ['8534', '8536'], ['8480', '3926'], ['8544', '8536'], ['8466', '8479']], names: ['Sihwa Bolt & Nut', 'Banwol PCB', 'Ansan Plastic Mould', 'Sihwa Cable', 'Banwol Tooling'] },
  { complex: 'gwangju', miniCluster: 'opto-electronics', hsCodes: [['8541', '9405'], ['9001', '9013'], ['8541', '9013'], ['9405', '8541'], ['9001', '8544']], names: ['Gwangju Photonics', 'Hanam Optical', 'Cheomdan Laser', 'Mudeung LED Lighting', 'Gwangju Fiber Optics'] },
  { complex: 'wonju', miniCluster: 'medical devices', hsCodes: [['9018', '9019'], ['9021', '9018'], ['9018', '8471'], ['9019', '9021'], ['9018', '9021']], names: ['Wonju Medical', 'Munmak Rehab Devices', 'Gangwon Patient Monitor', 'Chiak Therapy Equipment', 'Wonju Ortho'] },
  { complex: 'gunsan', miniCluster: 'automotive and machinery', hsCodes: [['8708', '8483'], ['8487', '7318'], ['8479', '8466'], ['8708', '8544'], ['8481', '8487']], names: ['Gunsan Auto Parts', 'Saemangeum Marine', 'Gunsan Machinery', 'Okgu Harness', 'Gunsan Hydraulics'] },
];

const interpreters = [
  { code: 'I-zh-1', name: 'Park Ji-hye', languages: ['zh', 'ko'] },
  { code: 'I-zh-2', name: 'Wang Min', languages: ['zh', 'ko', 'en'] },
  { code: 'I-zh-3', name: 'Lee Seo-yeon', languages: ['zh', 'ko'] },
  { code: 'I-zh-4', name: 'Jin Hua', languages: ['zh', 'ko'] },
  { code: 'I-zh-5', name: 'Han Yu-na', languages: ['zh', 'ko'] },
  { code: 'I-vi-1', name: 'Nguyen Thi Lan', languages: ['vi', 'ko'] },
  { code: 'I-vi-2', name: 'Kim Hoa', languages: ['vi', 'ko', 'en'] },
  { code: 'I-vi-3', name: 'Tran Van Minh', languages: ['vi', 'ko'] },
  { code: 'I-id-1', name: 'Siti Rahma', languages: ['id', 'ko', 'en'] },
  { code: 'I-id-2', name: 'Oh Se-ra', languages: ['id', 'ko'] },
  { code: 'I-en-1', name: 'Choi Min-ho', languages: ['en', 'ko'] },
  { code: 'I-en-2', name: 'Jung Ha-eun', languages: ['en', 'ko'] },
  { code: 'I-en-3', name: 'Kang Do-yun', languages: ['en', 'ko'] },
  { code: 'I-en-4', name: 'Yoon Ji-woo', languages: ['en', 'ko'] },
];

/** Signed on the spot, USD (sum 220,000), and the value of each contract put in progress (43, sum 40,000,000). */
const signedOnSite = [120_000, 60_000, 40_000];
const contractsInProgress = 43;
const valueInProgress = 40_000_000;

export function ensureDemoConsultation(tx: Transaction, congressId: number): void {
  if (tx.select({ id: consultationSlots.id }).from(consultationSlots).where(eq(consultationSlots.congressId, congressId)).limit(1).get()) return;
  const random = seededRandom(20151104);
  tx.insert(consultationSlots)
    .values(
      slotTimes.map((time) => {
        const [hour, minute] = time.split(':').map(Number) as [number, number];
        const end = `${String(hour + (minute === 30 ? 1 : 0)).padStart(2, '0')}:${minute === 30 ? '00' : '30'}`;
        return { congressId, code: `d2-${time.replace(':', '')}`, startsAt: `2015-11-04T${time}:00+09:00`, endsAt: `2015-11-04T${end}:00+09:00` };
      }),
    )
    .run();
  const tableIds = Array.from({ length: 20 }, (_, k) =>
    tx.insert(consultationTables).values({ congressId, code: `T${String(k + 1).padStart(2, '0')}` }).returning({ id: consultationTables.id }).get().id,
  );
  tx.insert(consultationInterpreters).values(interpreters.map((interpreter) => ({ congressId, ...interpreter, available: null }))).run();

  const buyerIds = buyers.map((buyer, k) =>
    tx
      .insert(consultationParticipants)
      .values({ congressId, role: 'buyer', code: `B${String(k + 1).padStart(2, '0')}`, ...buyer, homeTableId: tableIds[k]!, exportMarkets: [], certifications: [], available: null })
      .returning({ id: consultationParticipants.id })
      .get().id,
  );
  const suppliers = clusterSuppliers.flatMap((cluster) =>
    cluster.names.map((company, k) => ({ company, complex: cluster.complex, miniCluster: cluster.miniCluster, hsCodes: cluster.hsCodes[k]! })),
  ).slice(0, 36);
  const markets = ['IN', 'CN', 'VN', 'ID', 'US', 'JP', 'DE'];
  const supplierIds = suppliers.map((supplier, k) =>
    tx
      .insert(consultationParticipants)
      .values({
        congressId,
        role: 'supplier',
        code: `S${String(k + 1).padStart(2, '0')}`,
        ...supplier,
        country: 'KR',
        languages: random() < 0.4 ? ['ko', 'en'] : ['ko'],
        exportMarkets: markets.filter(() => random() < 0.3),
        certifications: random() < 0.6 ? ['ISO 9001'] : [],
        // A few suppliers only come for the afternoon.
        available: random() < 0.15 ? slotTimes.slice(4).map((time) => `d2-${time.replace(':', '')}`) : null,
      })
      .returning({ id: consultationParticipants.id })
      .get().id,
  );

  // 111 pre-matched pairs: each buyer meets the suppliers whose products they buy, the best fits first.
  const pairs: { buyer: number; supplier: number; fit: number }[] = [];
  buyers.forEach((buyer, b) =>
    suppliers.forEach((supplier, s) => {
      const shared = supplier.hsCodes.filter((code) => buyer.hsCodes.includes(code)).length;
      if (shared > 0) pairs.push({ buyer: b, supplier: s, fit: shared + random() });
    }),
  );
  pairs.sort((x, y) => y.fit - x.fit);
  const perBuyer = new Map<number, number>();
  const chosen = pairs.filter((pair) => {
    const count = perBuyer.get(pair.buyer) ?? 0;
    if (count >= 7) return false;
    perBuyer.set(pair.buyer, count + 1);
    return true;
  }).slice(0, 111);
  const createdAt = '2015-10-20T09:00:00+09:00';
  chosen.forEach((pair, k) =>
    tx
      .insert(consultationMeetings)
      .values({
        congressId,
        code: `M${String(k + 1).padStart(3, '0')}`,
        buyerId: buyerIds[pair.buyer]!,
        supplierId: supplierIds[pair.supplier]!,
        priority: pair.fit >= 2 ? 3 : pair.fit >= 1.5 ? 2 : 1,
        origin: 'prematch',
        status: 'accepted',
        createdAt,
      })
      .run(),
  );

  // Planned as the engine plans it, with a fixed seed: the same plan on every new demo database.
  const instance = consultationInstance(tx, congressId);
  const plan = scheduleConsultations(instance, { seed: 20151104, timeLimitMs: 5000, describe: () => '' });
  storeSchedule(tx, congressId, instance, plan.schedule);
}

/**
 * Records the results of 4 November 2015 on the demo day, every meeting held: 3 contracts signed on the spot
 * (USD 220,000), 43 in progress (USD 40 million), the rest follow-ups or nothing yet. A day with outcomes already is
 * left as it is. Answers how many outcomes were recorded.
 */
export function recordDemoConsultationResults(tx: Transaction, congressId: number): number {
  const meetings = tx
    .select({ id: consultationMeetings.id, buyerId: consultationMeetings.buyerId, supplierId: consultationMeetings.supplierId })
    .from(consultationMeetings)
    .where(eq(consultationMeetings.congressId, congressId))
    .orderBy(consultationMeetings.id)
    .all();
  const recorded = tx.select({ n: count() }).from(consultationOutcomes).where(inArray(consultationOutcomes.meetingId, meetings.length > 0 ? meetings.map((meeting) => meeting.id) : [0])).get()!.n;
  if (recorded > 0) return 0;
  const hsCodes = new Map(tx.select({ id: consultationParticipants.id, hsCodes: consultationParticipants.hsCodes }).from(consultationParticipants).where(eq(consultationParticipants.congressId, congressId)).all().map((row) => [row.id, row.hsCodes]));
  // A contract is about a product both sides deal in: the first heading the pair shares.
  const sharedHeading = new Map(meetings.map((meeting) => [meeting.id, hsCodes.get(meeting.supplierId)!.find((code) => hsCodes.get(meeting.buyerId)!.includes(code)) ?? null]));
  const random = seededRandom(20151104);
  const order = shuffle(meetings.map((meeting) => meeting.id), random);
  const weights = Array.from({ length: contractsInProgress }, () => 0.2 + random());
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const values = weights.map((weight) => Math.round((valueInProgress * weight) / total / 1000) * 1000);
  values[0]! += valueInProgress - values.reduce((sum, value) => sum + value, 0);
  const recordedAt = '2015-11-04T17:30:00+09:00';
  order.forEach((meetingId, k) => {
    const signed = k < signedOnSite.length;
    const inProgress = !signed && k < signedOnSite.length + contractsInProgress;
    const heading = sharedHeading.get(meetingId);
    tx.insert(consultationOutcomes)
      .values({
        meetingId,
        attendance: 'held',
        outcome: signed ? 'signed' : inProgress ? 'in-progress' : k % 3 === 0 ? 'none' : 'follow-up',
        valueUsd: signed ? signedOnSite[k]! : inProgress ? values[k - signedOnSite.length]! : null,
        products: null,
        hsCodes: (signed || inProgress) && heading ? [heading] : null,
        recordedAt,
      })
      .run();
  });
  return order.length;
}
