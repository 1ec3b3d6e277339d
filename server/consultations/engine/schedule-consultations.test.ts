import { describe, expect, it } from 'vitest';
import { checkSchedule } from './check-schedule.ts';
import type { ConsultationInstance } from './contract.ts';
import { generateInstance, type GeneratorOptions } from './generate-instance.ts';
import { scheduleConsultations } from './schedule-consultations.ts';
import { describeUnplacedInEnglish } from '../unplaced-reason.ts';

const kinds: [string, Omit<GeneratorOptions, 'seed'>][] = [
  ['the 2015 day (18 buyers, 36 suppliers, home tables, interpreters, partial availability)', { buyers: 18, suppliers: 36, slots: 10, fill: 0.62, homeTables: true, interpreters: true, partialAvailability: true }],
  ['a brokerage event without home tables', { buyers: 30, suppliers: 50, slots: 16, fill: 0.6, interpreters: true, partialAvailability: true }],
  ['a tight day (90% of buyer slots planted)', { buyers: 120, suppliers: 240, slots: 20, fill: 0.9, homeTables: true }],
];

describe('scheduleConsultations on planted instances', () => {
  it.each(kinds)('places every meeting of %s, validly, with far fewer gaps than the planted plan', (_name, options) => {
    for (const seed of [1, 2, 3]) {
      const { instance, planted } = generateInstance({ ...options, seed });
      const plan = scheduleConsultations(instance, { describe: describeUnplacedInEnglish, timeLimitMs: 1500, seed });
      const check = checkSchedule(instance, plan.schedule);
      expect(check.violations).toEqual([]);
      expect(plan.schedule.unscheduled).toEqual([]);
      expect(check.priority).toBe(plan.upperBound);
      expect(check.gaps).toBe(plan.quality.gaps);
      expect(check.breaks).toBe(plan.quality.breaks);
      expect(plan.quality.gaps).toBeLessThan(checkSchedule(instance, planted).gaps * 0.6);
    }
  });
});

describe('scheduleConsultations on any instance', () => {
  it('always returns a valid schedule with a reason for every unplaced meeting, under its upper bound', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const { instance } = generateInstance({
        buyers: 5 + (seed % 7) * 3,
        suppliers: 8 + (seed % 5) * 4,
        slots: 4 + (seed % 6),
        fill: 0.5 + (seed % 4) * 0.1,
        seed,
        homeTables: seed % 2 === 0,
        interpreters: seed % 3 !== 0,
        partialAvailability: seed % 4 !== 1,
        oversubscription: (seed % 3) * 0.4,
      });
      const plan = scheduleConsultations(instance, { describe: describeUnplacedInEnglish, timeLimitMs: 300, seed });
      const check = checkSchedule(instance, plan.schedule);
      expect(check.violations, `seed ${seed}`).toEqual([]);
      expect(plan.quality.priority).toBeLessThanOrEqual(plan.upperBound);
      for (const entry of plan.schedule.unscheduled) expect(entry.reason.length).toBeGreaterThan(20);
    }
  });

  it('gives the same schedule for the same input and seed', () => {
    const { instance } = generateInstance({ buyers: 10, suppliers: 20, slots: 8, fill: 0.7, seed: 9, interpreters: true, oversubscription: 0.3 });
    const first = scheduleConsultations(instance, { describe: describeUnplacedInEnglish, timeLimitMs: 60_000, seed: 4 });
    const second = scheduleConsultations(instance, { describe: describeUnplacedInEnglish, timeLimitMs: 60_000, seed: 4 });
    expect(second.schedule).toEqual(first.schedule);
  });

  it('never moves pinned meetings when re-planning the rest of the day', () => {
    for (const seed of [1, 2, 3, 4]) {
      const { instance, planted } = generateInstance({ buyers: 25, suppliers: 50, slots: 12, fill: 0.7, seed, homeTables: true, interpreters: true });
      // The first half of the day as held, plus a walk-in request.
      const morning = new Set(instance.slots.slice(0, 6).map((slot) => slot.id));
      const pinned = planted.assignments.filter((assignment) => morning.has(assignment.slot));
      const alreadyMet = new Set(instance.meetings.filter((meeting) => meeting.buyer === 'B0001').map((meeting) => meeting.supplier));
      const newcomer = instance.participants.find((participant) => participant.role === 'supplier' && !alreadyMet.has(participant.id))!;
      const walkIn = { id: 'WALK-IN', buyer: 'B0001', supplier: newcomer.id, priority: 3 };
      const replanned: ConsultationInstance = { ...instance, pinned, meetings: [...instance.meetings, walkIn] };
      const plan = scheduleConsultations(replanned, { describe: describeUnplacedInEnglish, timeLimitMs: 500, seed });
      expect(checkSchedule(replanned, plan.schedule).violations).toEqual([]);
      for (const pin of pinned) expect(plan.schedule.assignments).toContainEqual(pin);
    }
  });
});

describe('reasons for unplaced meetings', () => {
  const base = (): ConsultationInstance => ({
    format: 'consultation-instance/1',
    slots: ['10:00', '10:30', '11:00', '11:30'].map((time, k) => ({
      id: `s${k}`,
      start: `2015-11-04T${time}:00+09:00`,
      end: `2015-11-04T${['10:30', '11:00', '11:30', '12:00'][k]}:00+09:00`,
    })),
    tables: [{ id: 'T01' }, { id: 'T02' }],
    participants: [
      { id: 'B03', role: 'buyer', languages: ['ko', 'en'], available: ['s0', 's1'] },
      { id: 'S11', role: 'supplier', languages: ['ko'], available: ['s2', 's3'] },
    ],
    meetings: [{ id: 'M1', buyer: 'B03', supplier: 'S11' }],
  });
  const reason = (instance: ConsultationInstance) => scheduleConsultations(instance, { describe: describeUnplacedInEnglish, timeLimitMs: 100 }).schedule.unscheduled[0]?.reason;

  it('names the availability that never overlaps', () => {
    expect(reason(base())).toBe('buyer B03 is available 10:00–11:00 and supplier S11 11:00–12:00: no common slot');
  });

  it('names the missing interpreter', () => {
    const instance = base();
    instance.participants[0] = { id: 'B03', role: 'buyer', languages: ['vi'] };
    instance.participants.push({ id: 'B04', role: 'buyer', languages: ['en'] });
    instance.interpreters = [{ id: 'I1', languages: ['ko', 'en'] }];
    expect(reason(instance)).toBe('no interpreter speaks Vietnamese–Korean');
  });

  it('names who is booked when both are busy elsewhere', () => {
    const instance = base();
    instance.participants[1]!.available = ['s1', 's2'];
    instance.participants.push({ id: 'S12', role: 'supplier', languages: ['ko'] });
    instance.meetings.push({ id: 'M2', buyer: 'B03', supplier: 'S12', priority: 5 });
    instance.pinned = [{ meeting: 'M2', slot: 's1', table: 'T01' }];
    expect(reason(instance)).toBe('both can attend only 10:30–11:00, and buyer B03 is booked 10:30–11:00');
  });
});
