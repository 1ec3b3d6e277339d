import { describe, expect, it } from 'vitest';
import { scoreMatch, type MatchProfile } from './match-score.ts';

const buyer: MatchProfile = { company: 'Bharat Auto', country: 'IN', languages: ['en', 'hi'], hsCodes: ['8708', '7318'], exportMarkets: [], certifications: [], wants: 'Brake parts, ISO 9001 suppliers' };
const supplier = (overrides: Partial<MatchProfile>): MatchProfile => ({ company: 'Ulsan Auto Tech', country: 'KR', languages: ['ko'], hsCodes: ['8708'], exportMarkets: [], certifications: [], wants: null, ...overrides });
const noInterpreter = () => false;

describe('scoreMatch', () => {
  it('scores nothing for a pair with no product in common, however well the rest fits', () => {
    expect(scoreMatch(buyer, supplier({ hsCodes: ['9018'], languages: ['en'], exportMarkets: ['IN'] }), () => true)).toEqual({ score: 0, reasons: [] });
  });

  it('ranks a shared heading, exports to the buyer’s country and a shared language above a related chapter without them', () => {
    const best = scoreMatch(buyer, supplier({ hsCodes: ['8708', '7318'], languages: ['ko', 'en'], exportMarkets: ['IN'], certifications: ['ISO 9001'] }), noInterpreter);
    const related = scoreMatch(buyer, supplier({ hsCodes: ['8714'] }), noInterpreter);
    expect(best.reasons.map((reason) => reason.key)).toEqual(['sharedProduct', 'sharedProduct', 'exportsThere', 'commonLanguage', 'certification']);
    expect(best.reasons[2]).toEqual({ key: 'exportsThere', params: { company: 'Ulsan Auto Tech', country: 'IN' } });
    expect(best.score).toBe(92);
    expect(related.reasons.map((reason) => reason.key)).toEqual(['sameChapter', 'noInterpreter']);
    expect(related.score).toBe(15);
  });

  it('counts an interpreter on duty for the two languages, and says when there is none', () => {
    const withInterpreter = scoreMatch({ ...buyer, languages: ['zh'] }, supplier({}), (a, b) => a.includes('zh') && b.includes('ko'));
    const without = scoreMatch({ ...buyer, languages: ['zh'] }, supplier({}), noInterpreter);
    expect(withInterpreter.score - without.score).toBe(8);
    expect(without.reasons.at(-1)).toEqual({ key: 'noInterpreter', params: { languages: 'zh–ko' } });
  });
});
