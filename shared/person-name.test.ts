import { describe, expect, it } from 'vitest';
import { fullName } from './person-name.ts';

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
