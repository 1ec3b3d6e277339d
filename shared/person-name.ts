const eastAsianScript = /^[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\s]+$/u;

/**
 * A delegate's name as people of their script write it: Korean, Chinese and Japanese names family name first
 * with no space (김민준), others given name first (Christian Ketels).
 */
export function fullName(givenName: string, familyName: string): string {
  return eastAsianScript.test(givenName) && eastAsianScript.test(familyName) ? `${familyName}${givenName}` : `${givenName} ${familyName}`;
}
