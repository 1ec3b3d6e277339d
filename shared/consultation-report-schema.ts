import { Type, type Static } from 'typebox';

const Money = Type.Object({ count: Type.Integer(), usd: Type.Integer() });

export const OutcomeFigures = Type.Object({
  meetings: Type.Integer(),
  held: Type.Integer(),
  noShows: Type.Integer(),
  followUps: Type.Integer(),
  inProgress: Money,
  signed: Money,
});
export type OutcomeFigures = Static<typeof OutcomeFigures>;

const Group = Type.Intersect([Type.Object({ key: Type.String() }), OutcomeFigures]);

/** The organisers' report of the export consultation: totals, and the same figures by buyer country, supplier cluster and sector. */
export const ConsultationReport = Type.Object({
  totals: OutcomeFigures,
  buyers: Type.Object({ count: Type.Integer(), countries: Type.Integer() }),
  suppliers: Type.Integer(),
  byBuyerCountry: Type.Array(Group),
  bySupplierCluster: Type.Array(Group),
  /** Keyed by the HS heading (4 digits) the two sides share. */
  bySector: Type.Array(Group),
});
export type ConsultationReport = Static<typeof ConsultationReport>;
