import { describe, expect, it } from 'vitest';
import { countryFromCell, hsHeadingFromCell, languageFromCell, splitList, wholeNumberFromCell } from './cell-values.ts';

describe('reading cells', () => {
  it('takes countries as alpha-2 or alpha-3 codes or as names in any interface language, accents and case aside', () => {
    expect(['nl', 'NLD', 'Netherlands', 'pays-bas', 'Países Bajos', '네덜란드', 'Нидерланды'].map(countryFromCell)).toEqual(['NL', 'NL', 'NL', 'NL', 'NL', 'NL', 'NL']);
    expect(['Corée du Sud', '대한민국', 'KOR'].map(countryFromCell)).toEqual(['KR', 'KR', 'KR']);
    expect(['Atlantis', 'XX', 'ZZZ'].map(countryFromCell)).toEqual([undefined, undefined, undefined]);
  });

  it('takes languages as ISO 639 codes or as names, in the language itself too', () => {
    expect(['KO', 'Korean', 'coréen', '한국어', 'fil', 'Nederlands'].map(languageFromCell)).toEqual(['ko', 'ko', 'ko', 'ko', 'fil', 'nl']);
    expect(languageFromCell('Klingon')).toBeUndefined();
  });

  it('reduces HS codes to their heading and refuses chapters that do not exist', () => {
    expect(['8708', '87.08', '8708.29', '870829', ' 9018 '].map(hsHeadingFromCell)).toEqual(['8708', '8708', '8708', '8708', '9018']);
    expect(['9999', '7701', '0000', '8700', '870', 'abcd'].map(hsHeadingFromCell)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('reads whole numbers with thousands separators or a currency, and nothing else', () => {
    expect(['1,200,000', '1 200 000', 'USD 500000', '$42'].map(wholeNumberFromCell)).toEqual([1_200_000, 1_200_000, 500_000, 42]);
    expect(['1.5', '-3', 'lots'].map(wholeNumberFromCell)).toEqual([undefined, undefined, undefined]);
  });

  it('splits lists on commas, semicolons, ideographic commas and line breaks', () => {
    expect(splitList('ko, en;ja、zh\nvi , ')).toEqual(['ko', 'en', 'ja', 'zh', 'vi']);
  });
});
