import type { ConsultationInstance, ConsultationSchedule } from './contract.ts';
import { seededRandom, shuffle } from '../../scheduling/random.ts';

export interface GeneratorOptions {
  buyers: number;
  suppliers: number;
  slots: number;
  /** Share of (buyer, slot) pairs that hold a planted meeting. */
  fill: number;
  seed: number;
  homeTables?: boolean;
  interpreters?: boolean;
  /** Participants can attend only some slots (always including their planted ones). */
  partialAvailability?: boolean;
  /** Extra requested meetings beyond the planted ones, as a share of them: the day cannot hold them all. */
  oversubscription?: number;
}

const buyerLanguages = ['zh', 'en', 'hi', 'vi', 'ja', 'ru'];

/**
 * An instance built around a valid schedule placed first and then hidden ("planted"): whenever
 * `oversubscription` is 0, a schedule placing every meeting exists, and the planted one is returned to compare with.
 */
export function generateInstance(options: GeneratorOptions): { instance: ConsultationInstance; planted: ConsultationSchedule } {
  const random = seededRandom(options.seed);
  const { buyers: B, suppliers: U, slots: S } = options;
  const slots = Array.from({ length: S }, (_, s) => {
    const start = new Date(Date.UTC(2015, 10, 4, 1, 0) + s * 30 * 60_000);
    const local = (date: Date) => `${new Date(date.getTime() + 9 * 3_600_000).toISOString().slice(0, 16)}:00+09:00`;
    return { id: `d2-${String(s + 1).padStart(2, '0')}`, start: local(start), end: local(new Date(start.getTime() + 30 * 60_000)) };
  });
  const buyerIds = Array.from({ length: B }, (_, b) => `B${String(b + 1).padStart(4, '0')}`);
  const supplierIds = Array.from({ length: U }, (_, u) => `S${String(u + 1).padStart(4, '0')}`);
  const buyerLanguage = buyerIds.map(() => buyerLanguages[Math.floor(random() * buyerLanguages.length)]!);
  const supplierSpeaksEnglish = supplierIds.map(() => random() < 0.4);

  // Plant: in each slot, buyers in random order take a random free supplier they have not met yet.
  const met = new Set<string>();
  const plantedMeetings: { buyer: number; supplier: number; slot: number }[] = [];
  for (let s = 0; s < S; s++) {
    const busy = new Uint8Array(U);
    for (const b of shuffle([...Array(B).keys()], random)) {
      if (random() >= options.fill) continue;
      for (let attempt = 0; attempt < 20; attempt++) {
        const u = Math.floor(random() * U);
        if (busy[u] || met.has(`${b}:${u}`)) continue;
        busy[u] = 1;
        met.add(`${b}:${u}`);
        plantedMeetings.push({ buyer: b, supplier: u, slot: s });
        break;
      }
    }
  }

  const needsInterpreter = (b: number, u: number) => options.interpreters === true && !(buyerLanguage[b] === 'en' && supplierSpeaksEnglish[u]);
  const interpreters: NonNullable<ConsultationInstance['interpreters']> = [];
  const assignments: ConsultationSchedule['assignments'] = [];
  const tablesUsed = new Int32Array(S);
  const interpretersUsed = new Map<string, number>();
  const interpreterPools = new Map<string, string[]>();
  for (const meeting of plantedMeetings) {
    const table = options.homeTables ? `T${String(meeting.buyer + 1).padStart(4, '0')}` : `T${String(++tablesUsed[meeting.slot]!).padStart(4, '0')}`;
    const assignment: ConsultationSchedule['assignments'][number] = { meeting: '', slot: slots[meeting.slot]!.id, table };
    if (needsInterpreter(meeting.buyer, meeting.supplier)) {
      const language = buyerLanguage[meeting.buyer]!;
      const key = `${language}@${meeting.slot}`;
      const index = interpretersUsed.get(key) ?? 0;
      interpretersUsed.set(key, index + 1);
      const pool = interpreterPools.get(language) ?? [];
      if (index === pool.length) {
        const id = `I-${language}-${index + 1}`;
        pool.push(id);
        interpreters.push({ id, languages: ['ko', language] });
      }
      interpreterPools.set(language, pool);
      assignment.interpreter = pool[index]!;
    }
    assignments.push(assignment);
  }
  const tableCount = options.homeTables ? B : Math.max(1, ...tablesUsed);

  const extra: { buyer: number; supplier: number }[] = [];
  const wanted = Math.round(plantedMeetings.length * (options.oversubscription ?? 0));
  for (let attempt = 0; extra.length < wanted && attempt < wanted * 20; attempt++) {
    const b = Math.floor(random() * B);
    const u = Math.floor(random() * U);
    if (met.has(`${b}:${u}`)) continue;
    met.add(`${b}:${u}`);
    extra.push({ buyer: b, supplier: u });
  }

  const requested = [...plantedMeetings, ...extra];
  const order = shuffle([...requested.keys()], random);
  const meetingId = (k: number) => `M${String(k + 1).padStart(5, '0')}`;
  const meetings = order.map((original, k) => ({
    id: meetingId(k),
    buyer: buyerIds[requested[original]!.buyer]!,
    supplier: supplierIds[requested[original]!.supplier]!,
    priority: 1 + Math.floor(random() * 3),
  }));
  const plantedIndex = new Map(order.map((original, k) => [original, k]));
  assignments.forEach((assignment, original) => (assignment.meeting = meetingId(plantedIndex.get(original)!)));

  const buyerSlots = buyerIds.map(() => new Set<number>());
  const supplierSlots = supplierIds.map(() => new Set<number>());
  for (const meeting of plantedMeetings) {
    buyerSlots[meeting.buyer]!.add(meeting.slot);
    supplierSlots[meeting.supplier]!.add(meeting.slot);
  }
  const availability = (needed: Set<number>) => {
    if (!options.partialAvailability) return undefined;
    // A window of the day around what the planted schedule needs, with an occasional slot off inside it.
    const first = Math.min(...needed, Math.floor(random() * S));
    const last = Math.max(...needed, first + Math.floor(random() * S));
    const window = slots.filter((_, s) => s >= first && s <= last && (needed.has(s) || random() > 0.15)).map((slot) => slot.id);
    return window.length > 0 ? window : [slots[first]!.id];
  };
  const participants: ConsultationInstance['participants'] = [
    ...buyerIds.map((id, b) => ({
      id,
      role: 'buyer',
      // Without interpreters on the day, every buyer also speaks English, so no meeting is impossible for language alone.
      languages: options.interpreters || buyerLanguage[b] === 'en' ? [buyerLanguage[b]!] : [buyerLanguage[b]!, 'en'],
      ...(options.homeTables ? { table: `T${String(b + 1).padStart(4, '0')}` } : {}),
      ...withAvailability(availability(buyerSlots[b]!)),
    })),
    ...supplierIds.map((id, u) => ({
      id,
      role: 'supplier',
      languages: supplierSpeaksEnglish[u] || !options.interpreters ? ['ko', 'en'] : ['ko'],
      ...withAvailability(availability(supplierSlots[u]!)),
    })),
  ];
  const instance: ConsultationInstance = {
    format: 'consultation-instance/1',
    slots,
    tables: Array.from({ length: tableCount }, (_, t) => ({ id: `T${String(t + 1).padStart(4, '0')}` })),
    participants,
    ...(options.interpreters ? { interpreters } : {}),
    meetings,
  };
  const plannedIds = new Set(assignments.map((assignment) => assignment.meeting));
  const unscheduled = meetings.filter((meeting) => !plannedIds.has(meeting.id)).map((meeting) => ({ meeting: meeting.id, reason: 'not in the planted schedule' }));
  return { instance, planted: { format: 'consultation-schedule/1', assignments, unscheduled } };
}

function withAvailability(available: string[] | undefined) {
  return available ? { available } : {};
}
