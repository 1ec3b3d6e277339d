import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { delegatesCsv, eventClockCell, neutraliseCell } from './delegate-csv.ts';

describe('neutraliseCell', () => {
  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(neutraliseCell('=HYPERLINK("http://x")')).toBe(`'=HYPERLINK("http://x")`);
    expect(neutraliseCell('+82 10 1234')).toBe(`'+82 10 1234`);
    expect(neutraliseCell('-1')).toBe(`'-1`);
    expect(neutraliseCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(neutraliseCell('\tcmd')).toBe(`'\tcmd`);
    // A carriage return first makes some spreadsheets start a new cell with what follows.
    expect(neutraliseCell('\r=cmd')).toBe(`'\r=cmd`);
    expect(neutraliseCell('김민준')).toBe('김민준');
    expect(neutraliseCell('a=b')).toBe('a=b');
  });
});

describe('delegatesCsv', () => {
  it('starts with a UTF-8 byte-order mark, labels columns in the reader language and keeps scripts intact', () => {
    const csv = delegatesCsv(
      [
        {
          id: 1, givenName: '민준', familyName: '김', latinName: 'Minjun KIM', email: 'kim@example.org', country: 'KR', category: 'sme', organisation: '=cmd|x',
          jobTitle: null, languages: ['ko', 'en'], phone: '+82 10', dietary: null, accessibility: null, status: 'confirmed', createdAt: '2015-10-01T00:00:00.000Z',
        },
      ],
      'ko',
      (code) => (code === 'sme' ? '중소기업' : code),
      'Asia/Seoul',
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, row] = csv.slice(1).split('\r\n');
    expect(header).toContain('이름');
    expect(header).toContain('국가명');
    expect(header).toContain('영문 이름');
    expect(row).toContain('민준,김,Minjun KIM');
    expect(row).toContain('대한민국');
    expect(row).toContain('중소기업');
    expect(row).toContain(`'=cmd|x`);
    expect(row).toContain(`'+82 10`);
    expect(row).toContain('확정');
    // The time is on the edition's clock, as spreadsheets read dates, and the heading names the zone.
    expect(header).toContain('(Asia/Seoul)');
    expect(row!.endsWith(',2015-10-01 09:00:00')).toBe(true);
  });

  it('writes every column in order, an empty cell for what was not given, and only the time column names the zone', () => {
    const csv = delegatesCsv(
      [
        {
          id: 7, givenName: 'Priya', familyName: 'Sharma', latinName: null, email: 'priya@example.in', country: 'IN', category: 'sme', organisation: null,
          jobTitle: null, languages: ['en'], phone: null, dietary: null, accessibility: null, status: 'waitlisted', createdAt: '2015-10-01T12:30:00.000Z',
        },
        {
          id: 8, givenName: 'Wei', familyName: 'Zhang', latinName: 'Wei ZHANG', email: 'wei@example.cn', country: 'CN', category: 'press', organisation: 'Xinhua',
          jobTitle: 'Reporter', languages: ['zh', 'en'], phone: '010 1234', dietary: 'Halal', accessibility: 'Wheelchair', status: 'confirmed', createdAt: '2015-10-02T00:00:00.000Z',
        },
      ],
      'en',
      (code) => code.toUpperCase(),
      'Asia/Seoul',
    );
    const [header, row, full] = parse(csv.slice(1)) as string[][];
    expect(header).toEqual([
      'ID', 'Given name', 'Family name', 'Name in Latin letters', 'Email', 'Country', 'Country name', 'Category', 'Organisation', 'Job title', 'Languages spoken',
      'Phone', 'Dietary needs', 'Accessibility needs', 'Status', 'Registered at (Asia/Seoul)',
    ]);
    expect(row).toEqual(['7', 'Priya', 'Sharma', '', 'priya@example.in', 'IN', 'India', 'SME', '', '', 'English', '', '', '', 'Waiting list', '2015-10-01 21:30:00']);
    expect(full).toEqual(['8', 'Wei', 'Zhang', 'Wei ZHANG', 'wei@example.cn', 'CN', 'China', 'PRESS', 'Xinhua', 'Reporter', 'Chinese, English', '010 1234', 'Halal', 'Wheelchair', 'Confirmed', '2015-10-02 09:00:00']);
  });
});

describe('eventClockCell', () => {
  it('reads an instant on the edition’s clock, and nothing as an empty cell', () => {
    expect(eventClockCell('2015-11-03T22:30:00.000Z', 'Asia/Seoul')).toBe('2015-11-04 07:30:00');
    expect(eventClockCell('2016-09-27T07:00:00.000Z', 'Europe/Amsterdam')).toBe('2016-09-27 09:00:00');
    expect(eventClockCell(null, 'Asia/Seoul')).toBe('');
  });
});
