/** What the suggestion score looks at for a buyer and a supplier. */
export interface MatchProfile {
  company: string;
  country: string;
  languages: string[];
  hsCodes: string[];
  exportMarkets: string[];
  certifications: string[];
  wants: string | null;
}

/** A reason in words, as a locale key (`consultations:suggest.<key>`) and its values. */
export interface MatchReason {
  key: 'sharedProduct' | 'sameChapter' | 'exportsThere' | 'exporter' | 'commonLanguage' | 'interpreter' | 'noInterpreter' | 'certification';
  params: Record<string, string>;
}

/**
 * How well a buyer and a supplier fit, 0–100, with the reasons: the same HS heading counts most, then a related
 * chapter, export experience (to the buyer's country above all), whether they can talk (a shared language, or an
 * interpreter for their languages on duty) and a certification the buyer asks for. Pairs with nothing in common
 * in their products score 0, whatever else fits.
 */
export function scoreMatch(buyer: MatchProfile, supplier: MatchProfile, interpretersBridge: (a: string[], b: string[]) => boolean): { score: number; reasons: MatchReason[] } {
  const reasons: MatchReason[] = [];
  const shared = supplier.hsCodes.filter((code) => buyer.hsCodes.includes(code));
  const chapters = new Set(buyer.hsCodes.map((code) => code.slice(0, 2)));
  const related = shared.length === 0 ? supplier.hsCodes.filter((code) => chapters.has(code.slice(0, 2))) : [];
  if (shared.length === 0 && related.length === 0) return { score: 0, reasons: [] };
  let score = Math.min(2, shared.length) * 25;
  for (const hs of shared) reasons.push({ key: 'sharedProduct', params: { hs } });
  if (related.length > 0) {
    score += 15;
    reasons.push({ key: 'sameChapter', params: { chapter: related[0]!.slice(0, 2) } });
  }
  if (supplier.exportMarkets.includes(buyer.country)) {
    score += 20;
    reasons.push({ key: 'exportsThere', params: { company: supplier.company, country: buyer.country } });
  } else if (supplier.exportMarkets.length > 0) {
    score += 8;
    reasons.push({ key: 'exporter', params: { company: supplier.company } });
  }
  const common = buyer.languages.find((language) => supplier.languages.includes(language));
  if (common) {
    score += 15;
    reasons.push({ key: 'commonLanguage', params: { language: common } });
  } else if (interpretersBridge(buyer.languages, supplier.languages)) {
    score += 8;
    reasons.push({ key: 'interpreter', params: { languages: `${buyer.languages[0]}–${supplier.languages[0]}` } });
  } else {
    reasons.push({ key: 'noInterpreter', params: { languages: `${buyer.languages[0]}–${supplier.languages[0]}` } });
  }
  const asked = supplier.certifications.find((certification) => buyer.wants?.toLowerCase().includes(certification.toLowerCase().split(' ')[0]!));
  if (asked) {
    score += 7;
    reasons.push({ key: 'certification', params: { certification: asked } });
  }
  return { score: Math.min(100, score), reasons };
}
