import { describe, expect, it } from 'vitest';
import { shiftWallClock } from './wall-clock.ts';

describe('shiftWallClock', () => {
  it('keeps the wall-clock time when the day moves to another zone', () => {
    expect(shiftWallClock('2015-11-04T10:00:00+09:00', 'Asia/Seoul', 'Europe/Amsterdam', 329)).toBe('2016-09-28T10:00:00+02:00');
  });

  it('follows summer time: the same 09:30 has another offset after the clocks change', () => {
    expect(shiftWallClock('2016-10-28T09:30:00+02:00', 'Europe/Amsterdam', 'Europe/Amsterdam', 3)).toBe('2016-10-31T09:30:00+01:00');
  });

  it('reads a time stored in UTC as the old zone saw it', () => {
    expect(shiftWallClock('2015-11-04T01:00:00Z', 'Asia/Seoul', 'Asia/Seoul', 1)).toBe('2015-11-05T10:00:00+09:00');
  });
});
