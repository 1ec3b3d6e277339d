import { alias } from 'drizzle-orm/sqlite-core';
import { and, eq } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import { consultationMeetings, consultationOutcomes, consultationParticipants } from '../../db/schema/index.ts';
import type { ConsultationReport, OutcomeFigures } from '../../shared/consultation-report-schema.ts';
import type { UiLanguage } from '../../shared/languages.ts';
import type { Executor } from '../database/transaction.ts';
import { translatorFor } from '../i18n/translator.ts';
import { neutraliseCell } from '../registration/delegate-csv.ts';

const buyer = alias(consultationParticipants, 'buyer');
const supplier = alias(consultationParticipants, 'supplier');

const emptyFigures = (): OutcomeFigures => ({ meetings: 0, held: 0, noShows: 0, followUps: 0, inProgress: { count: 0, usd: 0 }, signed: { count: 0, usd: 0 } });

/** Meetings held, no-shows and contracts (count and USD) over the accepted meetings, in total and by group. */
export function consultationReport(db: Executor, congressId: number): ConsultationReport {
  const rows = db
    .select({
      buyerId: buyer.id,
      buyerCountry: buyer.country,
      buyerCodes: buyer.hsCodes,
      supplierId: supplier.id,
      supplierCluster: supplier.complex,
      supplierCodes: supplier.hsCodes,
      attendance: consultationOutcomes.attendance,
      outcome: consultationOutcomes.outcome,
      valueUsd: consultationOutcomes.valueUsd,
      outcomeCodes: consultationOutcomes.hsCodes,
    })
    .from(consultationMeetings)
    .innerJoin(buyer, eq(buyer.id, consultationMeetings.buyerId))
    .innerJoin(supplier, eq(supplier.id, consultationMeetings.supplierId))
    .leftJoin(consultationOutcomes, eq(consultationOutcomes.meetingId, consultationMeetings.id))
    .where(and(eq(consultationMeetings.congressId, congressId), eq(consultationMeetings.status, 'accepted')))
    .all();
  const totals = emptyFigures();
  const groups = { byBuyerCountry: new Map<string, OutcomeFigures>(), bySupplierCluster: new Map<string, OutcomeFigures>(), bySector: new Map<string, OutcomeFigures>() };
  const add = (figures: OutcomeFigures, row: (typeof rows)[number]) => {
    figures.meetings++;
    if (row.attendance === 'held') figures.held++;
    if (row.attendance === 'no-show') figures.noShows++;
    if (row.outcome === 'follow-up') figures.followUps++;
    if (row.outcome === 'in-progress') {
      figures.inProgress.count++;
      figures.inProgress.usd += row.valueUsd ?? 0;
    }
    if (row.outcome === 'signed') {
      figures.signed.count++;
      figures.signed.usd += row.valueUsd ?? 0;
    }
  };
  const into = (map: Map<string, OutcomeFigures>, key: string, row: (typeof rows)[number]) => {
    if (!map.has(key)) map.set(key, emptyFigures());
    add(map.get(key)!, row);
  };
  for (const row of rows) {
    add(totals, row);
    into(groups.byBuyerCountry, row.buyerCountry, row);
    into(groups.bySupplierCluster, row.supplierCluster ?? '', row);
    // The sector of a meeting: the product its contract is about, or else the first one both sides deal in.
    const sector = row.outcomeCodes?.[0] ?? row.supplierCodes.find((code) => row.buyerCodes.includes(code)) ?? row.supplierCodes[0] ?? '';
    into(groups.bySector, sector, row);
  }
  const listed = (map: Map<string, OutcomeFigures>) =>
    [...map].map(([key, figures]) => ({ key, ...figures })).sort((x, y) => y.inProgress.usd + y.signed.usd - (x.inProgress.usd + x.signed.usd) || x.key.localeCompare(y.key));
  const buyerCountries = new Set(rows.map((row) => row.buyerCountry));
  return {
    totals,
    buyers: { count: new Set(rows.map((row) => row.buyerId)).size, countries: buyerCountries.size },
    suppliers: new Set(rows.map((row) => row.supplierId)).size,
    byBuyerCountry: listed(groups.byBuyerCountry),
    bySupplierCluster: listed(groups.bySupplierCluster),
    bySector: listed(groups.bySector),
  };
}

const columns = ['dimension', 'key', 'meetings', 'held', 'noShows', 'followUps', 'inProgressCount', 'inProgressUsd', 'signedCount', 'signedUsd'] as const;

/** The report as one CSV table (UTF-8 with a byte-order mark): a totals row, then one row per group. */
export function consultationReportCsv(report: ConsultationReport, language: UiLanguage): string {
  const t = translatorFor(language);
  const row = (dimension: string, key: string, f: OutcomeFigures) =>
    [t(`consultations:report.dimensions.${dimension}`), key, f.meetings, f.held, f.noShows, f.followUps, f.inProgress.count, f.inProgress.usd, f.signed.count, f.signed.usd].map((cell) => neutraliseCell(String(cell)));
  return stringify(
    [
      columns.map((column) => t(`consultations:report.columns.${column}`)),
      row('total', '', report.totals),
      ...report.byBuyerCountry.map((group) => row('buyerCountry', group.key, group)),
      ...report.bySupplierCluster.map((group) => row('supplierCluster', group.key, group)),
      ...report.bySector.map((group) => row('sector', group.key, group)),
    ],
    { bom: true, record_delimiter: 'windows' },
  );
}
