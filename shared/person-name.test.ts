import { describe, expect, it } from 'vitest';
import { fullName, suggestLatinName } from './person-name.ts';

describe('fullName', () => {
  it('writes Hangul, Han and Japanese names family name first without a space', () => {
    expect(fullName('민준', '김')).toBe('김민준');
    expect(fullName('明杰', '牛')).toBe('牛明杰');
    expect(fullName('愛菜', '松崎')).toBe('松崎愛菜');
  });
  it('writes other scripts given name first', () => {
    expect(fullName('Christian', 'Ketels')).toBe('Christian Ketels');
    expect(fullName('Пелагея', 'Шубина')).toBe('Пелагея Шубина');
    expect(fullName('شريف', 'العطار')).toBe('شريف العطار');
    expect(fullName('Minjun', '김')).toBe('Minjun 김');
  });
});

describe('suggestLatinName', () => {
  it('romanizes a Hangul given name and writes the customary surname in capitals', () => {
    expect(suggestLatinName('민준', '김')).toBe('Minjun KIM');
    expect(suggestLatinName(' 서연 ', '이')).toBe('Seoyeon LEE');
    expect(suggestLatinName('한별', '남궁')).toBe('Hanbyeol NAMGUNG');
  });
  it('falls back to the Revised Romanization for a surname without a customary spelling', () => {
    expect(suggestLatinName('지훈', '탁')).toBe('Jihun TAK');
  });
  it('suggests nothing for names outside Hangul or only partly in it', () => {
    expect(suggestLatinName('明杰', '牛')).toBeNull();
    expect(suggestLatinName('Minjun', '김')).toBeNull();
    expect(suggestLatinName('', '김')).toBeNull();
  });
});
