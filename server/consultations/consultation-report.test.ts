import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { ConsultationReport, OutcomeFigures } from '../../shared/consultation-report-schema.ts';
import { consultationReportCsv } from './consultation-report.ts';

const figures = (meetings: number): OutcomeFigures => ({ meetings, held: meetings, noShows: 0, followUps: 0, inProgress: { count: 1, usd: 1000 }, signed: { count: 0, usd: 0 } });

describe('consultationReportCsv', () => {
  it('defuses formula-like group names and keeps a carriage return inside its cell', () => {
    const report: ConsultationReport = {
      totals: figures(3),
      buyers: { count: 2, countries: 2 },
      suppliers: 2,
      byBuyerCountry: [{ key: '=HYPERLINK("http://x")', ...figures(1) }],
      bySupplierCluster: [{ key: 'Changwon\r\nUlsan', ...figures(1) }],
      bySector: [{ key: '@SUM(A1)', ...figures(1) }],
    };
    const csv = consultationReportCsv(report, 'en');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(csv.slice(1)) as string[][];
    expect(rows).toHaveLength(5);
    expect(rows.slice(1).map((row) => row[1])).toEqual(['', `'=HYPERLINK("http://x")`, 'Changwon\r\nUlsan', `'@SUM(A1)`]);
    expect(rows.every((row) => row.length === rows[0]!.length)).toBe(true);
  });
});
