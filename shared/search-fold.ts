/** Latin letters that carry their mark in the letter itself, so Unicode decomposition leaves them as they are. */
const latinLetters: Record<string, string> = { đ: 'd', ð: 'd', ø: 'o', ł: 'l', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th', ħ: 'h' };

/**
 * A text as searches compare it: case, accents on Latin letters and character width do not count, so `nguyen` finds
 * `Nguyễn`, `nunez` finds `Núñez` and full-width `ＫＩＭ` finds `Kim`. Other scripts keep their marks (Japanese
 * voiced kana, Cyrillic й), and Hangul stays in syllables.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[đðøłßæœıþħ]/g, (letter) => latinLetters[letter]!);
}
