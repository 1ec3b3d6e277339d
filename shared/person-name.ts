import { romanize } from 'es-hangul';

const eastAsianScript = /^[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\s]+$/u;

/**
 * A delegate's name as people of their script write it: Korean, Chinese and Japanese names family name first
 * with no space (김민준), others given name first (Christian Ketels).
 */
export function fullName(givenName: string, familyName: string): string {
  return eastAsianScript.test(givenName) && eastAsianScript.test(familyName) ? `${familyName}${givenName}` : `${givenName} ${familyName}`;
}

const hangulName = /^[\p{Script=Hangul}]+$/u;

/**
 * How Korean families write their surname in passports, which is rarely the Revised Romanization of it
 * (김 is "Kim", not "Gim"). Surnames not listed fall back to the Revised Romanization.
 */
const customaryKoreanSurnames: Record<string, string> = {
  김: 'Kim', 이: 'Lee', 박: 'Park', 최: 'Choi', 정: 'Jung', 강: 'Kang', 조: 'Cho', 윤: 'Yoon', 장: 'Jang', 임: 'Lim',
  한: 'Han', 오: 'Oh', 서: 'Seo', 신: 'Shin', 권: 'Kwon', 황: 'Hwang', 안: 'Ahn', 송: 'Song', 류: 'Ryu', 유: 'Yoo',
  전: 'Jeon', 홍: 'Hong', 고: 'Ko', 문: 'Moon', 양: 'Yang', 손: 'Son', 배: 'Bae', 백: 'Baek', 허: 'Heo', 노: 'Noh',
  남: 'Nam', 심: 'Shim', 하: 'Ha', 곽: 'Kwak', 성: 'Sung', 차: 'Cha', 주: 'Joo', 우: 'Woo', 구: 'Koo', 민: 'Min',
  진: 'Jin', 나: 'Na', 지: 'Ji', 엄: 'Eom', 변: 'Byun', 채: 'Chae', 원: 'Won', 천: 'Cheon', 방: 'Bang', 공: 'Kong',
  현: 'Hyun', 함: 'Ham', 염: 'Yeom', 여: 'Yeo', 추: 'Choo', 도: 'Do', 석: 'Seok', 설: 'Seol', 마: 'Ma', 길: 'Gil',
  남궁: 'Namgung', 선우: 'Sunwoo', 제갈: 'Jegal', 황보: 'Hwangbo',
};

/**
 * A romanized name as badges print it: the given name capitalised, then the family name in capitals
 * ("Minjun KIM", "Xiuying WANG"), so readers of any script can tell the family name.
 */
export const latinBadgeName = (given: string, family: string) => `${given.charAt(0).toUpperCase()}${given.slice(1)} ${family.toUpperCase()}`;

/**
 * The Latin name a Korean delegate most likely prints on a badge: given name in Revised Romanization, then the
 * customary surname. Only a suggestion to fill the form with; null for other scripts, whose transliteration the
 * delegate types.
 */
export function suggestLatinName(givenName: string, familyName: string): string | null {
  const given = givenName.trim();
  const family = familyName.trim();
  if (!hangulName.test(given) || !hangulName.test(family)) return null;
  return latinBadgeName(romanize(given), customaryKoreanSurnames[family] ?? romanize(family));
}
