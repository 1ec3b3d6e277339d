import { describe, expect, it } from 'vitest';
import { foldForSearch } from './search-fold.ts';

describe('text as searches compare it', () => {
  it('ignores case and the accents of Latin letters, Vietnamese and Nordic letters included', () => {
    expect(foldForSearch('Nguyễn Thị Lan')).toBe('nguyen thi lan');
    expect(foldForSearch('Núñez')).toBe('nunez');
    expect(foldForSearch('Đặng Văn Đức')).toBe('dang van duc');
    expect(foldForSearch('Søren Łukasz Straße Ærø')).toBe('soren lukasz strasse aero');
  });

  it('reads full-width Latin as half-width and half-width katakana as full-width', () => {
    expect(foldForSearch('ＫＩＭ Ｍｉｎｊｕｎ')).toBe('kim minjun');
    expect(foldForSearch('ﾔﾏﾀﾞ')).toBe('ヤマダ');
  });

  it('leaves Hangul syllables, voiced kana and Cyrillic letters whole', () => {
    expect(foldForSearch('김민준')).toBe('김민준');
    expect(foldForSearch('山田 ガク')).toBe('山田 ガク');
    expect(foldForSearch('Йошкар-Ола')).toBe('йошкар-ола');
  });
});
