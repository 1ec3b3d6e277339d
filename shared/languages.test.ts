import { describe, expect, it } from 'vitest';
import { isLanguageTag, pickUiLanguage } from './languages.ts';

describe('pickUiLanguage', () => {
  it('takes the best-weighted language the interface offers', () => {
    expect(pickUiLanguage('ko-KR,ko;q=0.9,en-US;q=0.8')).toBe('ko');
    expect(pickUiLanguage('de-DE,de;q=0.9,fr;q=0.8,en;q=0.7')).toBe('fr');
    expect(pickUiLanguage('en;q=0.5, vi;q=0.9')).toBe('vi');
    expect(pickUiLanguage('zh-Hant-TW')).toBe('zh');
  });
  it('falls back to English for nothing usable', () => {
    expect(pickUiLanguage(undefined)).toBe('en');
    expect(pickUiLanguage('de, it')).toBe('en');
    expect(pickUiLanguage('ko;q=0')).toBe('en');
  });
});

describe('isLanguageTag', () => {
  it('accepts ISO 639 primary tags and refuses the rest', () => {
    for (const tag of ['ko', 'en', 'fil', 'sw', 'am']) expect(isLanguageTag(tag)).toBe(true);
    for (const tag of ['xx', 'EN', 'en-US', 'english', '']) expect(isLanguageTag(tag)).toBe(false);
  });
});
