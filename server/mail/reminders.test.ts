import { describe, expect, it } from 'vitest';
import { reminderDue } from './reminders.ts';

describe('reminderDue', () => {
  const departs = '2015-11-03T07:30:00+09:00';
  it('is due from 09:00 of the day before on the edition’s clock until the start', () => {
    expect(reminderDue(departs, 'Asia/Seoul', new Date('2015-11-02T08:59:00+09:00'))).toBe(false);
    expect(reminderDue(departs, 'Asia/Seoul', new Date('2015-11-02T09:00:00+09:00'))).toBe(true);
    expect(reminderDue(departs, 'Asia/Seoul', new Date('2015-11-03T07:29:00+09:00'))).toBe(true);
    expect(reminderDue(departs, 'Asia/Seoul', new Date('2015-11-03T07:30:00+09:00'))).toBe(false);
  });
  it('reads "the day before" on the edition’s calendar, not the server’s', () => {
    // 09:00 on 2 November in Amsterdam is 08:00 UTC; the server's own zone plays no part.
    const amsterdam = '2016-09-28T10:00:00+02:00';
    expect(reminderDue(amsterdam, 'Europe/Amsterdam', new Date('2016-09-27T06:59:00Z'))).toBe(false);
    expect(reminderDue(amsterdam, 'Europe/Amsterdam', new Date('2016-09-27T07:00:00Z'))).toBe(true);
  });
});
