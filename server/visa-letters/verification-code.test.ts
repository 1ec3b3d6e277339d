import { describe, expect, it } from 'vitest';
import { newVerificationCode, normaliseVerificationCode } from './verification-code.ts';

describe('visa letter verification codes', () => {
  it('are four groups of four unambiguous characters, different each time', () => {
    const codes = new Set(Array.from({ length: 1000 }, newVerificationCode));
    expect(codes.size).toBe(1000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });

  it('are read back whatever the case, spacing and hyphens, and the letters that look like digits', () => {
    const code = '7KQ2-M9XD-0A1B-ZZ34';
    expect(normaliseVerificationCode('7kq2 m9xd oa1b zz34')).toBe(code);
    expect(normaliseVerificationCode('7KQ2M9XDOAlBZZ34')).toBe(code);
    expect(normaliseVerificationCode('7KQ2-M9XD-0A1B-ZZ3')).toBeNull();
    expect(normaliseVerificationCode('7KQ2-M9XD-0A1B-ZZ3U')).toBeNull();
    expect(normaliseVerificationCode("7KQ2-M9XD-0A1B-ZZ34' or 1=1")).toBeNull();
  });
});
