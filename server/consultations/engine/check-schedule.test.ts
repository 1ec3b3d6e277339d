import { describe, expect, it } from 'vitest';
import { checkSchedule } from './check-schedule.ts';
import type { ConsultationInstance, ConsultationSchedule } from './contract.ts';

/**
 * A small day every rule of the checker can be broken on, one at a time: a Chinese buyer with a home table, a Korean
 * supplier who needs an interpreter with it, an English pair who need none, and a pinned meeting.
 */
function day(): { instance: ConsultationInstance; schedule: ConsultationSchedule } {
  const instance: ConsultationInstance = {
    format: 'consultation-instance/1',
    slots: [
      { id: 's1', start: '2015-11-04T10:00:00+09:00', end: '2015-11-04T10:30:00+09:00' },
      { id: 's2', start: '2015-11-04T10:30:00+09:00', end: '2015-11-04T11:00:00+09:00' },
      { id: 's3', start: '2015-11-04T11:00:00+09:00', end: '2015-11-04T11:30:00+09:00' },
    ],
    tables: [{ id: 'T1' }, { id: 'T2' }],
    participants: [
      { id: 'B1', role: 'buyer', languages: ['zh', 'en'], table: 'T1' },
      { id: 'B2', role: 'buyer', languages: ['en'] },
      { id: 'S1', role: 'supplier', languages: ['ko'], available: ['s1', 's2'] },
      { id: 'S2', role: 'supplier', languages: ['en'] },
    ],
    interpreters: [{ id: 'I1', languages: ['ko', 'zh'], available: ['s1', 's2'] }, { id: 'I2', languages: ['ko', 'ja'] }],
    meetings: [
      { id: 'M1', buyer: 'B1', supplier: 'S1' },
      { id: 'M2', buyer: 'B2', supplier: 'S2', priority: 2 },
      { id: 'M3', buyer: 'B1', supplier: 'S2' },
    ],
    pinned: [{ meeting: 'M2', slot: 's1', table: 'T2' }],
  };
  const schedule: ConsultationSchedule = {
    format: 'consultation-schedule/1',
    assignments: [
      { meeting: 'M1', slot: 's1', table: 'T1', interpreter: 'I1' },
      { meeting: 'M2', slot: 's1', table: 'T2' },
    ],
    unscheduled: [{ meeting: 'M3', reason: 'S2 and B1 share no free slot' }],
  };
  return { instance, schedule };
}

describe('checkSchedule', () => {
  it('finds nothing wrong with a valid schedule, and gives its figures', () => {
    const { instance, schedule } = day();
    expect(checkSchedule(instance, schedule)).toEqual({ violations: [], placed: 2, priority: 3, gaps: 0, breaks: 0 });
  });

  // One rule per test: each breaks exactly one thing and expects exactly its violation.
  const broken = (change: (value: ReturnType<typeof day>) => void) => {
    const value = day();
    change(value);
    return checkSchedule(value.instance, value.schedule).violations;
  };

  it('every meeting once: a meeting left out', () => {
    expect(broken(({ schedule }) => (schedule.unscheduled = []))).toEqual(['meeting M3 appears 0 times']);
  });

  it('every meeting once: a meeting both placed and unplaced', () => {
    expect(broken(({ schedule }) => schedule.unscheduled.push({ meeting: 'M2', reason: 'twice' }))).toEqual(['meeting M2 appears 2 times']);
  });

  it('no meeting the instance does not have', () => {
    expect(broken(({ schedule }) => schedule.unscheduled.push({ meeting: 'M9', reason: 'made up' }))).toEqual(['unknown meeting M9 in the schedule']);
  });

  it('an unplaced meeting says why', () => {
    expect(broken(({ schedule }) => (schedule.unscheduled[0]!.reason = '  '))).toEqual(['meeting M3 is unscheduled without a reason']);
  });

  it('only the day’s slots', () => {
    expect(broken(({ schedule, instance }) => ((schedule.assignments[1]!.slot = 's9'), (instance.pinned = [])))).toEqual(['M2: unknown slot s9']);
  });

  it('only the hall’s tables', () => {
    expect(broken(({ schedule, instance }) => ((schedule.assignments[1]!.table = 'T9'), (instance.pinned = [])))).toEqual(['M2: unknown table T9']);
  });

  it('both sides can attend the slot', () => {
    expect(broken(({ instance }) => (instance.participants[3]!.available = ['s2']))).toEqual(['M2: S2 cannot attend s1']);
  });

  it('a buyer keeps their home table', () => {
    expect(broken(({ instance }) => (instance.participants[0]!.table = 'T2'))).toEqual(['M1: B1 keeps table T2, not T1']);
  });

  it('nobody twice in one slot', () => {
    const violations = broken(({ schedule, instance }) => {
      instance.meetings.push({ id: 'M4', buyer: 'B2', supplier: 'S1' });
      instance.interpreters!.push({ id: 'I3', languages: ['en', 'ko'] });
      schedule.assignments.push({ meeting: 'M4', slot: 's1', table: 'T1', interpreter: 'I3' });
    });
    expect(violations).toContain('participant B2 is used twice in slot s1 (again by M4)');
    expect(violations).toContain('participant S1 is used twice in slot s1 (again by M4)');
  });

  it('no table twice in one slot', () => {
    expect(
      broken(({ schedule, instance }) => {
        instance.participants.push({ id: 'B3', role: 'buyer', languages: ['en'] }, { id: 'S3', role: 'supplier', languages: ['en'] });
        instance.meetings.push({ id: 'M4', buyer: 'B3', supplier: 'S3' });
        schedule.assignments.push({ meeting: 'M4', slot: 's1', table: 'T2' });
      }),
    ).toEqual(['table T2 is used twice in slot s1 (again by M4)']);
  });

  it('no interpreter twice in one slot', () => {
    expect(
      broken(({ schedule, instance }) => {
        instance.participants.push({ id: 'B3', role: 'buyer', languages: ['zh'] }, { id: 'S3', role: 'supplier', languages: ['ko'] });
        instance.tables.push({ id: 'T3' });
        instance.meetings.push({ id: 'M4', buyer: 'B3', supplier: 'S3' });
        schedule.assignments.push({ meeting: 'M4', slot: 's1', table: 'T3', interpreter: 'I1' });
      }),
    ).toEqual(['interpreter I1 is used twice in slot s1 (again by M4)']);
  });

  it('an interpreter when the sides share no language', () => {
    expect(broken(({ schedule }) => delete schedule.assignments[0]!.interpreter)).toEqual(['M1: needs an interpreter']);
  });

  it('no interpreter when the sides share a language', () => {
    expect(broken(({ schedule, instance }) => ((schedule.assignments[1]!.interpreter = 'I2'), (instance.pinned![0]!.interpreter = 'I2')))).toEqual([
      'M2: has an interpreter it does not need',
      'M2: interpreter I2 cannot bridge the two sides',
    ]);
  });

  it('only the day’s interpreters', () => {
    expect(broken(({ schedule }) => (schedule.assignments[0]!.interpreter = 'I9'))).toEqual(['M1: unknown interpreter I9']);
  });

  it('the interpreter speaks both sides’ languages', () => {
    expect(broken(({ schedule }) => (schedule.assignments[0]!.interpreter = 'I2'))).toEqual(['M1: interpreter I2 cannot bridge the two sides']);
  });

  it('the interpreter is on duty in the slot', () => {
    expect(broken(({ instance }) => (instance.interpreters![0]!.available = ['s2']))).toEqual(['M1: interpreter I1 is off in s1']);
  });

  it('pinned meetings stay where they were pinned', () => {
    expect(broken(({ instance }) => (instance.pinned![0]!.table = 'T1'))).toEqual(['pinned M2 was moved']);
  });

  it('counts priority, gaps and breaks from the placed meetings', () => {
    const { instance, schedule } = day();
    // B1 and S2 meet again at s3, with s2 idle between: a gap each.
    schedule.assignments.push({ meeting: 'M3', slot: 's3', table: 'T1' });
    schedule.unscheduled = [];
    const figures = checkSchedule(instance, schedule);
    expect(figures.violations).toEqual([]);
    expect(figures).toMatchObject({ placed: 3, priority: 4 });
    expect(figures.gaps).toBe(2);
  });
});
