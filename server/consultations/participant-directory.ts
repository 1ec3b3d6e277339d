import { foldForSearch } from '../../shared/search-fold.ts';
import { asc, eq } from 'drizzle-orm';
import { consultationInterpreters, consultationMeetings, consultationParticipants } from '../../db/schema/index.ts';
import type { DirectoryQuery, ParticipantProfile, SuggestionMatrix, Suggestions } from '../../shared/consultation-directory-schema.ts';
import { countryName } from '../../shared/countries.ts';
import { languageName, type UiLanguage } from '../../shared/languages.ts';
import type { Executor } from '../database/transaction.ts';
import { ApiFailure } from '../http/api-failure.ts';
import { translatorFor } from '../i18n/translator.ts';
import { scoreMatch, type MatchReason } from './match-score.ts';

type ParticipantRow = typeof consultationParticipants.$inferSelect;

/** Buyers and suppliers as the other side and the organisers browse them: profiles, search, and ranked suggestions. */

/** HS headings with their names in `language` (a heading the product has no name for is shown by its code). */
export function productsOf(hsCodes: string[], language: UiLanguage) {
  const t = translatorFor(language);
  return hsCodes.map((hs) => ({ hs, name: t(`consultations:hs.${hs}`, { defaultValue: `HS ${hs}` }) }));
}

export function profileView(row: ParticipantRow, language: UiLanguage): ParticipantProfile {
  return {
    code: row.code,
    role: row.role,
    company: row.company,
    country: row.country,
    languages: row.languages,
    products: productsOf(row.hsCodes, language),
    annualPurchaseUsd: row.annualPurchaseUsd,
    wants: row.wants,
    complex: row.complex,
    miniCluster: row.miniCluster,
    exportMarkets: row.exportMarkets,
    certifications: row.certifications,
    available: row.available ?? null,
  };
}

function participants(db: Executor, congressId: number): ParticipantRow[] {
  return db.select().from(consultationParticipants).where(eq(consultationParticipants.congressId, congressId)).orderBy(asc(consultationParticipants.code)).all();
}

/** Profiles matching the filters: role, country, a spoken language, an HS heading or chapter, and text in the company or wants. */
export function findParticipants(db: Executor, congressId: number, query: DirectoryQuery, language: UiLanguage): ParticipantProfile[] {
  const text = query.q?.trim() ? foldForSearch(query.q.trim()) : '';
  return participants(db, congressId)
    .filter(
      (row) =>
        (!query.role || row.role === query.role) &&
        (!query.country || row.country === query.country) &&
        (!query.language || row.languages.includes(query.language)) &&
        (!query.hs || row.hsCodes.some((code) => code.startsWith(query.hs!))) &&
        (!text || foldForSearch(row.company).includes(text) || foldForSearch(row.wants ?? '').includes(text)),
    )
    .map((row) => profileView(row, language));
}

function describeReason(reason: MatchReason, language: UiLanguage): string {
  const t = translatorFor(language);
  const params: Record<string, string> = { ...reason.params };
  if (params.hs) params.name = t(`consultations:hs.${params.hs}`, { defaultValue: '' });
  if (params.country) params.country = countryName(params.country, language);
  if (params.language) params.language = languageName(params.language, language);
  if (params.languages) params.languages = params.languages.split('–').map((tag) => languageName(tag, language)).join('–');
  return t(`consultations:suggest.${reason.key}`, params);
}

/** Whether one of the day's interpreters speaks a language of each side. */
function interpreterBridge(db: Executor, congressId: number) {
  const interpreters = db.select({ languages: consultationInterpreters.languages }).from(consultationInterpreters).where(eq(consultationInterpreters.congressId, congressId)).all();
  return (a: string[], b: string[]) => interpreters.some(({ languages }) => languages.some((x) => a.includes(x)) && languages.some((y) => b.includes(y)));
}

/**
 * Every buyer against every supplier: the score and reasons of each pair that fits at all (score ≥ `minScore`),
 * and the meeting already asked for or planned between them.
 */
export function suggestionMatrix(db: Executor, congressId: number, minScore: number, language: UiLanguage): SuggestionMatrix {
  const everyone = participants(db, congressId);
  const bridge = interpreterBridge(db, congressId);
  const meetings = new Map(
    db
      .select({ buyerId: consultationMeetings.buyerId, supplierId: consultationMeetings.supplierId, code: consultationMeetings.code, status: consultationMeetings.status, priority: consultationMeetings.priority })
      .from(consultationMeetings)
      .where(eq(consultationMeetings.congressId, congressId))
      .all()
      .map((meeting) => [`${meeting.buyerId}:${meeting.supplierId}`, meeting]),
  );
  const buyers = everyone.filter((row) => row.role === 'buyer');
  const suppliers = everyone.filter((row) => row.role === 'supplier');
  const cells: SuggestionMatrix['cells'] = [];
  for (const buyer of buyers) {
    for (const supplier of suppliers) {
      const match = scoreMatch(buyer, supplier, bridge);
      const meeting = meetings.get(`${buyer.id}:${supplier.id}`);
      if (match.score < minScore && !meeting) continue;
      cells.push({
        buyer: buyer.code,
        supplier: supplier.code,
        score: match.score,
        reasons: match.reasons.map((reason) => describeReason(reason, language)),
        meeting: meeting ? { code: meeting.code, status: meeting.status, priority: meeting.priority } : null,
      });
    }
  }
  const side = (row: ParticipantRow) => ({ code: row.code, company: row.company, country: row.country, complex: row.complex });
  return { buyers: buyers.map(side), suppliers: suppliers.map(side), cells };
}

/** The other side ranked for participant `code`, best fit first, each with its score and the reasons in words. */
export function suggestionsFor(db: Executor, congressId: number, code: string, language: UiLanguage): Suggestions {
  const everyone = participants(db, congressId);
  const me = everyone.find((row) => row.code === code);
  if (!me) throw new ApiFailure(404, 'for', 'notFound');
  const bridge = interpreterBridge(db, congressId);
  const suggestions = everyone
    .filter((row) => row.role !== me.role)
    .map((other) => {
      const [buyer, supplier] = me.role === 'buyer' ? [me, other] : [other, me];
      const match = scoreMatch(buyer, supplier, bridge);
      return { profile: profileView(other, language), score: match.score, reasons: match.reasons.map((reason) => describeReason(reason, language)) };
    })
    .filter((suggestion) => suggestion.score > 0)
    .sort((x, y) => y.score - x.score || x.profile.code.localeCompare(y.profile.code));
  return { for: me.code, suggestions };
}
