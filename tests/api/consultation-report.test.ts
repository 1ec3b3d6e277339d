import { describe, expect, it } from 'vitest';
import type { ConsultationReport } from '../../shared/consultation-report-schema.ts';
import { recordDemoConsultationResults } from '../../server/consultations/demo-consultation.ts';
import { demoCongressId, registerDelegate, signInAccount, useTestApp } from '../support/test-app.ts';

const ctx = useTestApp();
/** The 2015 results, as `npm run seed:demo -- --consultation-results` records them. */
const record2015Results = () => ctx.app.db.transaction((tx) => recordDemoConsultationResults(tx, demoCongressId(ctx.app)));

describe('GET /api/consultations/report', () => {
  it('starts the demo day planned and not yet held: nothing to report before any meeting takes place', async () => {
    const report = (await ctx.app.inject({ url: '/api/consultations/report', headers: ctx.organiser })).json() as ConsultationReport;
    expect(report.totals).toMatchObject({ meetings: 111, held: 0, noShows: 0, inProgress: { count: 0, usd: 0 }, signed: { count: 0, usd: 0 } });
    const plan = (await ctx.app.inject({ url: '/api/consultations/plan', headers: ctx.organiser })).json() as { assignments: unknown[]; unplaced: unknown[] };
    expect(plan.assignments).toHaveLength(111);
  });

  it('reproduces the 2015 day: 18 buyers from 4 countries, 36 suppliers, 111 meetings, 43 contracts worth USD 40M in progress and USD 220k signed', async () => {
    expect(record2015Results()).toBe(111);
    // Recorded once: a second run leaves the day as it is.
    expect(record2015Results()).toBe(0);
    const answer = await ctx.app.inject({ url: '/api/consultations/report', headers: ctx.organiser });
    expect(answer.statusCode).toBe(200);
    const report = answer.json() as ConsultationReport;
    expect(report.buyers).toEqual({ count: 18, countries: 4 });
    expect(report.suppliers).toBe(36);
    expect(report.totals).toMatchObject({ meetings: 111, held: 111, noShows: 0, inProgress: { count: 43, usd: 40_000_000 }, signed: { count: 3, usd: 220_000 } });
    // Every grouping adds up to the totals.
    for (const groups of [report.byBuyerCountry, report.bySupplierCluster, report.bySector]) {
      expect(groups.reduce((sum, group) => sum + group.meetings, 0)).toBe(111);
      expect(groups.reduce((sum, group) => sum + group.inProgress.usd + group.signed.usd, 0)).toBe(40_220_000);
    }
    expect(report.byBuyerCountry.map((group) => group.key).sort()).toEqual(['CN', 'ID', 'IN', 'VN']);
    expect(report.bySupplierCluster.map((group) => group.key).sort()).toEqual(['banwol-sihwa', 'changwon', 'gumi', 'gunsan', 'gwangju', 'ulsan', 'wonju']);
    expect(report.bySector.every((group) => /^\d{4}$/.test(group.key))).toBe(true);
  });

  it('gives the same figures as CSV, headings in the asked language, by Accept header or .csv', async () => {
    record2015Results();
    const byAccept = await ctx.app.inject({ url: '/api/consultations/report?lang=ko', headers: { ...ctx.organiser, accept: 'text/csv' } });
    const bySuffix = await ctx.app.inject({ url: '/api/consultations/report.csv?lang=ko', headers: ctx.organiser });
    for (const csv of [byAccept, bySuffix]) {
      expect(csv.headers['content-type']).toContain('text/csv');
      const [header, total] = csv.body.replace(/^\uFEFF/, '').split('\r\n');
      expect(header).toBe('구분,항목,상담,진행,불참,후속 협의,계약 추진 건수,계약 추진액(USD),현장 계약 건수,현장 계약액(USD)');
      expect(total).toMatch(/^합계,,111,111,0,\d+,43,40000000,3,220000$/);
    }
  });

  it('is for organisers only', async () => {
    const staff = await signInAccount(ctx.app, 'floor');
    const delegate = await registerDelegate(ctx.app);
    expect((await ctx.app.inject({ url: '/api/consultations/report', headers: staff })).statusCode).toBe(403);
    expect((await ctx.app.inject({ url: '/api/consultations/report', headers: delegate.headers })).statusCode).toBe(403);
    expect((await ctx.app.inject({ url: '/api/consultations/report' })).statusCode).toBe(401);
  });
});
