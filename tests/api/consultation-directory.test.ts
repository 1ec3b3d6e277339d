import { describe, expect, it } from 'vitest';
import type { ParticipantProfile, SuggestionMatrix, Suggestions } from '../../shared/consultation-directory-schema.ts';
import { registerDelegate, signInAccount, useTestApp } from '../support/test-app.ts';

const ctx = useTestApp();

const linkedDelegate = async (code: string) => {
  const delegate = await registerDelegate(ctx.app);
  await ctx.app.inject({ method: 'PUT', url: `/api/consultations/participants/${code}/delegate`, headers: ctx.organiser, payload: { delegate: delegate.id } });
  return delegate;
};
const get = async <T>(url: string, headers: Record<string, string>, language = 'en') => (await ctx.app.inject({ url, headers: { ...headers, 'accept-language': language } })).json() as T;

describe('browsing buyers and suppliers', () => {
  it('shows a buyer the suppliers only, filtered by product, cluster country and language, with product names in their language', async () => {
    const buyer = await linkedDelegate('B01');
    const all = await get<ParticipantProfile[]>('/api/consultations/participants?role=buyer', buyer.headers);
    expect(all).toHaveLength(36);
    expect(all.every((profile) => profile.role === 'supplier')).toBe(true);
    const carParts = await get<ParticipantProfile[]>('/api/consultations/participants?hs=8708', buyer.headers, 'ko');
    expect(carParts.length).toBeGreaterThan(3);
    expect(carParts.every((profile) => profile.products.some((product) => product.hs === '8708' && product.name === '자동차 부품'))).toBe(true);
    const chapter = await get<ParticipantProfile[]>('/api/consultations/participants?hs=87', buyer.headers);
    expect(chapter.length).toBeGreaterThanOrEqual(carParts.length);
    const english = await get<ParticipantProfile[]>('/api/consultations/participants?language=en', buyer.headers);
    expect(english.every((profile) => profile.languages.includes('en'))).toBe(true);
    const bad = await ctx.app.inject({ url: '/api/consultations/participants?hs=87081', headers: buyer.headers });
    expect([bad.statusCode, bad.json().field]).toEqual([400, 'hs']);
  });

  it('ranks suggestions with their reasons in words, and lets organisers look at anyone’s', async () => {
    const buyer = await linkedDelegate('B01');
    const mine = await get<Suggestions>('/api/consultations/suggestions', buyer.headers, 'en');
    expect(mine.for).toBe('B01');
    const scores = mine.suggestions.map((suggestion) => suggestion.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(mine.suggestions[0]!.reasons).toContain('both in HS 8708 Motor-vehicle parts');
    expect(mine.suggestions.every((suggestion) => suggestion.profile.role === 'supplier' && suggestion.reasons.length > 0)).toBe(true);
    const supplierSide = await get<Suggestions>('/api/consultations/suggestions?for=S12', ctx.organiser, 'zh');
    expect(supplierSide.suggestions.every((suggestion) => suggestion.profile.role === 'buyer')).toBe(true);
    expect(supplierSide.suggestions[0]!.reasons.join(' ')).toMatch(/双方均涉及 HS \d{4}/);
    const missing = await ctx.app.inject({ url: '/api/consultations/suggestions', headers: ctx.organiser });
    expect([missing.statusCode, missing.json().field]).toEqual([400, 'for']);
  });

  it('gives organisers the whole matrix, each pair as the pair’s own suggestions score it, with the meetings already agreed', async () => {
    const matrix = await get<SuggestionMatrix>('/api/consultations/suggestions/matrix', ctx.organiser, 'ko');
    expect([matrix.buyers.length, matrix.suppliers.length]).toEqual([18, 36]);
    const forB01 = await get<Suggestions>('/api/consultations/suggestions?for=B01', ctx.organiser, 'ko');
    const row = matrix.cells.filter((cell) => cell.buyer === 'B01' && cell.score > 0);
    expect(new Map(row.map((cell) => [cell.supplier, [cell.score, cell.reasons]]))).toEqual(new Map(forB01.suggestions.map((s) => [s.profile.code, [s.score, s.reasons]])));
    const agreed = matrix.cells.filter((cell) => cell.meeting?.status === 'accepted');
    expect(agreed).toHaveLength(111);
    const strict = await get<SuggestionMatrix>('/api/consultations/suggestions/matrix?minScore=40', ctx.organiser);
    expect(strict.cells.every((cell) => cell.score >= 40 || cell.meeting !== null)).toBe(true);
    expect(strict.cells.length).toBeLessThan(matrix.cells.length);
    const buyer = await linkedDelegate('B02');
    expect((await ctx.app.inject({ url: '/api/consultations/suggestions/matrix', headers: buyer.headers })).statusCode).toBe(403);
  });

  it('is for buyers, suppliers and organisers only', async () => {
    const visitor = await registerDelegate(ctx.app);
    const staff = await signInAccount(ctx.app, 'floor');
    expect((await ctx.app.inject({ url: '/api/consultations/participants', headers: visitor.headers })).statusCode).toBe(403);
    expect((await ctx.app.inject({ url: '/api/consultations/suggestions', headers: staff })).statusCode).toBe(403);
    expect((await ctx.app.inject({ url: '/api/consultations/participants' })).statusCode).toBe(401);
  });
});
