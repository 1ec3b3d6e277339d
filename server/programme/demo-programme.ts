import { Faker, base, en } from '@faker-js/faker';
import { eq } from 'drizzle-orm';
import { programmePapers, programmePeople, programmeRooms, programmeSessions, programmeSessionSpeakers } from '../../db/schema/index.ts';
import type { LocalizedText } from '../../shared/localized-text.ts';
import type { Transaction } from '../database/transaction.ts';
import { seededRandom } from '../scheduling/random.ts';

/**
 * The programme of 4–6 November 2015 at EXCO: theme "Creative economy and clusters: business models and policy
 * agenda", six keynotes (Harvard's Christian Ketels opening; Hyundai Motor, POSCO, Samsung Economic Research
 * Institute, the World Bank, ADB), twelve parallel sessions of six papers, the international organisations' panel,
 * a closing session chaired by a Seoul National University professor emeritus, and the business programme and side
 * events. Speakers other than those the sources name are given by their role, not invented names.
 */

const rooms = [
  { code: 'auditorium', name: { ko: '오디토리움 (5층)', en: 'Auditorium (5F)' }, capacity: 1000 },
  { code: '301', name: { ko: '301호', en: 'Room 301' }, capacity: 120 },
  { code: '302', name: { ko: '302호', en: 'Room 302' }, capacity: 120 },
  { code: '303', name: { ko: '303호', en: 'Room 303' }, capacity: 100 },
  { code: '305', name: { ko: '305호', en: 'Room 305' }, capacity: 100 },
  { code: '201', name: { ko: '201호', en: 'Room 201' }, capacity: 120 },
  { code: 'hall-1', name: { ko: '전시장 1홀', en: 'Exhibition hall 1' }, capacity: 400 },
  { code: 'hall-2', name: { ko: '전시장 2홀', en: 'Exhibition hall 2' }, capacity: 200 },
  { code: 'culture', name: { ko: '한국문화 체험관 (3층 로비)', en: 'Korean culture hall (3F lobby)' }, capacity: 80 },
];

/** Speakers and chairs, by role where the 2015 programme names none, in English and Korean. */
const person = (code: string, name: [en: string, ko: string], affiliation: [en: string, ko: string]) => ({ code, name: { en: name[0], ko: name[1] }, affiliation: { en: affiliation[0], ko: affiliation[1] } });
const people = [
  person('ketels', ['Christian Ketels', '크리스티안 케텔스'], ['Harvard Business School', '하버드 경영대학원']),
  person('kicox', ['President, KICOX', '한국산업단지공단 이사장'], ['Korea Industrial Complex Corporation', '한국산업단지공단']),
  person('tci', ['President, TCI Network', 'TCI 네트워크 회장'], ['TCI Network', 'TCI 네트워크']),
  person('motie', ['Vice Minister', '차관'], ['Ministry of Trade, Industry and Energy', '산업통상자원부']),
  person('hyundai', ['Keynote speaker, Hyundai Motor', '현대자동차 기조연설자'], ['Hyundai Motor Company', '현대자동차']),
  person('posco', ['Keynote speaker, POSCO', '포스코 기조연설자'], ['POSCO', '포스코']),
  person('seri', ['Keynote speaker, SERI', '삼성경제연구소 기조연설자'], ['Samsung Economic Research Institute', '삼성경제연구소']),
  person('worldbank', ['Cluster expert, World Bank', '세계은행 클러스터 전문가'], ['World Bank', '세계은행']),
  person('unido', ['Cluster expert, UNIDO', '유엔공업개발기구 클러스터 전문가'], ['UNIDO', '유엔공업개발기구(UNIDO)']),
  person('adb', ['Cluster expert, ADB', '아시아개발은행 클러스터 전문가'], ['Asian Development Bank', '아시아개발은행']),
  person('snu', ['Professor emeritus, Seoul National University', '서울대학교 명예교수'], ['Seoul National University', '서울대학교']),
  person('brainport', ['Host of the 19th congress', '제19차 총회 개최 측'], ['Brainport Development, Eindhoven', '브레인포트 디벨롭먼트(아인트호벤)']),
];

/** Chairs of the parallel sessions: one per session, by the track's institution. */
const trackChairs = [
  person('chair-kiet', ['Session chair, KIET', '세션 좌장, 산업연구원'], ['Korea Institute for Industrial Economics and Trade', '산업연구원']),
  person('chair-stepi', ['Session chair, STEPI', '세션 좌장, 과학기술정책연구원'], ['Science and Technology Policy Institute', '과학기술정책연구원']),
  person('chair-knu', ['Session chair, Kyungpook National University', '세션 좌장, 경북대학교'], ['Kyungpook National University', '경북대학교']),
  person('chair-kaist', ['Session chair, KAIST', '세션 좌장, KAIST'], ['KAIST', 'KAIST']),
  person('chair-orkestra', ['Session chair, Orkestra', '세션 좌장, 오케스트라'], ['Orkestra – Basque Institute of Competitiveness', '오케스트라 – 바스크 경쟁력 연구소']),
  person('chair-cbs', ['Session chair, Copenhagen Business School', '세션 좌장, 코펜하겐 경영대학원'], ['Copenhagen Business School', '코펜하겐 경영대학원']),
];

const tracks = [
  { en: 'Cluster policy and the creative economy', ko: '클러스터 정책과 창조경제' },
  { en: 'Business models of cluster organisations', ko: '클러스터 조직의 비즈니스 모델' },
  { en: 'Smart specialisation and regional strategy', ko: '스마트 전문화와 지역 전략' },
  { en: 'SME internationalisation and export support', ko: '중소기업 국제화와 수출 지원' },
  { en: 'Industrial complexes in transition', ko: '전환기의 산업단지' },
  { en: 'Innovation networks and universities', ko: '혁신 네트워크와 대학' },
];
const paperThemes = [
  'Measuring cluster performance',
  'Mini-clusters as a tool for SME collaboration',
  'From industrial complex to innovation district',
  'Global value chains and local suppliers',
  'Public–private governance of cluster initiatives',
  'Cross-cluster collaboration and related variety',
  'Export consultations as a cluster service',
  'Skills and talent in manufacturing clusters',
  'Digital transformation of traditional industries',
  'Evaluating cluster programmes: methods and evidence',
  'Creative industries in industrial regions',
  'Cluster internationalisation strategies',
];
const places = ['Korea', 'Daegu–Gyeongbuk', 'the Basque Country', 'Catalonia', 'Scotland', 'Denmark', 'Colombia', 'Ontario', 'Baden-Württemberg', 'Vietnam', 'Japan', 'Brainport Eindhoven', 'Changwon', 'Gumi', 'Ulsan'];
const institutions = ['Seoul National University', 'KAIST', 'Kyungpook National University', 'Harvard Business School', 'Orkestra', 'Copenhagen Business School', 'University of Toronto', 'Universidad de los Andes', 'Hitotsubashi University', 'Vietnam National University', 'KIET', 'STEPI', 'University of Strathclyde', 'Eindhoven University of Technology', 'KICOX Research'];

const at = (day: number, time: string) => `2015-11-0${day}T${time}:00+09:00`;

interface DemoSession {
  code: string;
  kind: 'keynote' | 'plenary' | 'parallel' | 'business' | 'side-event';
  title: LocalizedText;
  description?: LocalizedText;
  day: number;
  from: string;
  to: string;
  room: string | null;
  place?: LocalizedText;
  chair?: string;
  speakers?: string[];
  capacity?: number;
}

const sessions: DemoSession[] = [
  { code: 'opening', kind: 'plenary', title: { ko: '개회식', en: 'Opening ceremony' }, day: 4, from: '09:30', to: '10:30', room: 'auditorium', chair: 'kicox', speakers: ['motie', 'tci'] },
  { code: 'keynote-1', kind: 'keynote', title: { ko: '기조연설 1: 창조경제 시대의 클러스터', en: 'Keynote 1: Clusters in the creative economy' }, day: 4, from: '10:30', to: '11:30', room: 'auditorium', chair: 'kicox', speakers: ['ketels'] },
  { code: 'keynote-2', kind: 'keynote', title: { ko: '기조연설 2: 글로벌 자동차 공급망과 협력사 클러스터', en: 'Keynote 2: A global automotive supply chain and its supplier clusters' }, day: 4, from: '11:30', to: '12:30', room: 'auditorium', chair: 'tci', speakers: ['hyundai'] },
  {
    code: 'export-consultation',
    kind: 'business',
    title: { ko: '수출상담회', en: 'Export consultation' },
    description: { ko: '해외 바이어 18개사와 국내 중소기업 36개사의 사전 매칭 1:1 상담.', en: 'Pre-matched one-to-one meetings of 18 foreign buyers with 36 Korean SMEs.' },
    day: 4,
    from: '10:00',
    to: '16:30',
    room: 'hall-2',
  },
  {
    code: 'marketing-hall',
    kind: 'side-event',
    title: { ko: '기업 마케팅관', en: 'Corporate marketing hall' },
    description: { ko: '클러스터 기업의 제품 전시와 상담.', en: 'Cluster companies show their products and meet visitors.' },
    day: 4,
    from: '10:00',
    to: '18:00',
    room: 'hall-1',
    capacity: 400,
  },
  { code: 'keynote-3', kind: 'keynote', title: { ko: '기조연설 3: 철강 산업과 지역 혁신', en: 'Keynote 3: Steel and regional innovation' }, day: 5, from: '09:30', to: '10:30', room: 'auditorium', chair: 'ketels', speakers: ['posco'] },
  { code: 'keynote-4', kind: 'keynote', title: { ko: '기조연설 4: 창조경제와 산업 정책', en: 'Keynote 4: The creative economy and industrial policy' }, day: 5, from: '10:30', to: '11:30', room: 'auditorium', chair: 'ketels', speakers: ['seri'] },
  {
    code: 'panel-io',
    kind: 'plenary',
    title: { ko: '국제기구 패널: 개도국의 클러스터 정책', en: 'International organisations panel: cluster policy in developing economies' },
    day: 5,
    from: '11:30',
    to: '12:30',
    room: 'auditorium',
    chair: 'tci',
    speakers: ['worldbank', 'unido', 'adb'],
  },
  {
    code: 'company-presentations',
    kind: 'business',
    title: { ko: '우수기업 설명회', en: 'Excellent-company presentations' },
    description: { ko: '미니클러스터 우수기업의 기술과 제품 발표.', en: 'Leading mini-cluster companies present their technology and products.' },
    day: 5,
    from: '14:00',
    to: '17:00',
    room: '201',
    capacity: 120,
  },
  {
    code: 'culture-hall',
    kind: 'side-event',
    title: { ko: '한국문화 체험관', en: 'Korean culture experience hall' },
    description: { ko: '한복, 전통 공예, 다도 체험.', en: 'Hanbok, traditional crafts and a tea ceremony.' },
    day: 5,
    from: '13:00',
    to: '17:00',
    room: 'culture',
    capacity: 80,
  },
  {
    code: 'night-tour',
    kind: 'side-event',
    title: { ko: '대구 야간 투어', en: 'Daegu night tour' },
    description: { ko: '서문시장 야시장과 김광석 다시그리기 길.', en: 'Seomun night market and Kim Kwang-seok Street.' },
    day: 5,
    from: '19:00',
    to: '22:00',
    room: null,
    place: { ko: 'EXCO 정문 버스 승강장 출발', en: 'Departs from the EXCO main entrance bus bay' },
    capacity: 45,
  },
  { code: 'keynote-5', kind: 'keynote', title: { ko: '기조연설 5: 경쟁력 있는 산업과 일자리', en: 'Keynote 5: Competitive industries and jobs' }, day: 6, from: '09:30', to: '10:30', room: 'auditorium', chair: 'snu', speakers: ['worldbank'] },
  { code: 'keynote-6', kind: 'keynote', title: { ko: '기조연설 6: 아시아의 지역 가치사슬', en: 'Keynote 6: Regional value chains in Asia' }, day: 6, from: '10:30', to: '11:30', room: 'auditorium', chair: 'snu', speakers: ['adb'] },
  {
    code: 'closing',
    kind: 'plenary',
    title: { ko: '폐회식: 산단공–TCI 공동선언과 제19차 총회(에인트호번) 인계', en: 'Closing session: KICOX–TCI joint declaration and handover to the 19th congress (Eindhoven)' },
    day: 6,
    from: '11:30',
    to: '12:30',
    room: 'auditorium',
    chair: 'snu',
    speakers: ['kicox', 'tci', 'brainport'],
  },
];

// Twelve parallel paper sessions: two blocks on 4 November and one on 5 November, four rooms each.
const blocks = [
  { day: 4, from: '14:00', to: '15:30' },
  { day: 4, from: '16:00', to: '17:30' },
  { day: 5, from: '14:00', to: '15:30' },
];
const parallelRooms = ['301', '302', '303', '305'];
blocks.forEach((block, b) =>
  parallelRooms.forEach((room, r) => {
    const n = b * parallelRooms.length + r;
    const track = tracks[n % tracks.length]!;
    sessions.push({
      code: `paper-${String(n + 1).padStart(2, '0')}`,
      kind: 'parallel',
      // Some paper sessions were announced in English only: the Korean screens fall back to it.
      title: { ...(n % 4 === 3 ? {} : { ko: `논문 세션 ${n + 1}: ${track.ko}` }), en: `Paper session ${n + 1}: ${track.en}` },
      ...block,
      room,
      chair: trackChairs[n % trackChairs.length]!.code,
    });
  }),
);

export function ensureDemoProgramme(tx: Transaction, congressId: number): void {
  if (tx.select({ id: programmeRooms.id }).from(programmeRooms).where(eq(programmeRooms.congressId, congressId)).get()) return;
  const random = seededRandom(2015_11_04);
  // Paper authors are synthetic, like the demo delegates: the same names on every machine.
  const names = new Faker({ locale: [en, base], seed: 2015 });
  const roomIds = new Map(rooms.map((room, k) => [room.code, tx.insert(programmeRooms).values({ congressId, ...room, sortOrder: k }).returning({ id: programmeRooms.id }).get().id]));
  const everyone = [...people, ...trackChairs];
  const personIds = new Map(everyone.map((person) => [person.code, tx.insert(programmePeople).values({ congressId, ...person }).returning({ id: programmePeople.id }).get().id]));
  const updatedAt = '2015-10-15T09:00:00+09:00';
  let paper = 0;
  for (const session of sessions) {
    const id = tx
      .insert(programmeSessions)
      .values({
        congressId,
        code: session.code,
        kind: session.kind,
        title: session.title,
        description: session.description ?? {},
        startsAt: at(session.day, session.from),
        endsAt: at(session.day, session.to),
        roomId: session.room ? roomIds.get(session.room)! : null,
        place: session.place ?? {},
        chairId: session.chair ? personIds.get(session.chair)! : null,
        capacity: session.capacity ?? null,
        updatedAt,
      })
      .returning({ id: programmeSessions.id })
      .get().id;
    (session.speakers ?? []).forEach((code, k) => tx.insert(programmeSessionSpeakers).values({ sessionId: id, personId: personIds.get(code)!, sortOrder: k }).run());
    if (session.kind !== 'parallel') continue;
    for (let k = 0; k < 6; k++, paper++) {
      const theme = paperThemes[paper % paperThemes.length]!;
      const place = places[Math.floor(random() * places.length)]!;
      const authors = Array.from({ length: 1 + Math.floor(random() * 3) }, () => `${names.person.fullName()} (${institutions[Math.floor(random() * institutions.length)]})`);
      tx.insert(programmePapers)
        .values({
          sessionId: id,
          title: `${theme}: evidence from ${place}`,
          authors: authors.join('; '),
          abstract: `The paper studies ${theme.toLowerCase()} in ${place}, drawing on firm surveys and programme data, and discusses what cluster organisations and policy makers can learn from it.`,
          sortOrder: k,
        })
        .run();
    }
  }
}
