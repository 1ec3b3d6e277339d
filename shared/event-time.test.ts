import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isIanaTimeZone, wallClockToIso } from './event-time.ts';

describe('event times', () => {
  it('gives a typed wall-clock time the offset of the edition’s zone on that date', () => {
    expect(wallClockToIso('2015-11-04T10:00', 'Asia/Seoul')).toBe('2015-11-04T10:00:00+09:00');
    expect(wallClockToIso('2016-09-28T10:00', 'Europe/Amsterdam')).toBe('2016-09-28T10:00:00+02:00');
    expect(wallClockToIso('2016-11-02T09:30', 'Europe/Amsterdam')).toBe('2016-11-02T09:30:00+01:00');
    expect(wallClockToIso('2017-03-10T08:00', 'America/St_Johns')).toBe('2017-03-10T08:00:00-03:30');
  });

  it('knows IANA zones from offsets and made-up names', () => {
    expect(['Europe/Amsterdam', 'Asia/Seoul', 'America/Argentina/Buenos_Aires', 'UTC'].map(isIanaTimeZone)).toEqual([true, true, true, true]);
    expect(['Mars/Olympus', 'CET+1', '+09:00', '', 'Europe/'].map(isIanaTimeZone)).toEqual([false, false, false, false, false]);
  });

  it('counts and moves calendar dates in whole days', () => {
    expect(daysBetween('2015-11-03', '2016-09-27')).toBe(329);
    expect(addDays('2016-09-27', 3)).toBe('2016-09-30');
  });
});
