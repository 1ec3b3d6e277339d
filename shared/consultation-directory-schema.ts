import { Type, type Static } from 'typebox';
import { pilotClusters } from './pilot-clusters.ts';

export const ParticipantProfile = Type.Object({
  code: Type.String(),
  role: Type.String(),
  company: Type.String(),
  country: Type.String(),
  languages: Type.Array(Type.String()),
  /** HS headings with their names in the reader's language. */
  products: Type.Array(Type.Object({ hs: Type.String(), name: Type.String() })),
  annualPurchaseUsd: Type.Union([Type.Integer(), Type.Null()]),
  wants: Type.Union([Type.String(), Type.Null()]),
  complex: Type.Union([Type.String(), Type.Null()]),
  miniCluster: Type.Union([Type.String(), Type.Null()]),
  exportMarkets: Type.Array(Type.String()),
  certifications: Type.Array(Type.String()),
  /** Slot codes the participant attends; null: all day. */
  available: Type.Union([Type.Array(Type.String()), Type.Null()]),
});
export type ParticipantProfile = Static<typeof ParticipantProfile>;

export const DirectoryQuery = Type.Object(
  {
    role: Type.Optional(Type.Union([Type.Literal('buyer'), Type.Literal('supplier')])),
    country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
    language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}$' })),
    /** An HS heading (4 digits) or chapter (2 digits). */
    hs: Type.Optional(Type.String({ pattern: '^\\d{2}(\\d{2})?$' })),
    q: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type DirectoryQuery = Static<typeof DirectoryQuery>;

export const Suggestions = Type.Object({
  for: Type.String(),
  suggestions: Type.Array(Type.Object({ profile: ParticipantProfile, score: Type.Integer(), reasons: Type.Array(Type.String()) })),
});
export type Suggestions = Static<typeof Suggestions>;

const MatrixSide = Type.Object({ code: Type.String(), company: Type.String(), country: Type.String(), complex: Type.Union([Type.String(), Type.Null()]) });

/** The organisers' view of every buyer–supplier pair that fits, with the meeting already between them. */
export const SuggestionMatrix = Type.Object({
  buyers: Type.Array(MatrixSide),
  suppliers: Type.Array(MatrixSide),
  cells: Type.Array(
    Type.Object({
      buyer: Type.String(),
      supplier: Type.String(),
      score: Type.Integer(),
      reasons: Type.Array(Type.String()),
      meeting: Type.Union([Type.Object({ code: Type.String(), status: Type.String(), priority: Type.Number() }), Type.Null()]),
    }),
  ),
});
export type SuggestionMatrix = Static<typeof SuggestionMatrix>;

export const MatrixQuery = Type.Object({ minScore: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })) }, { additionalProperties: false });
export type MatrixQuery = Static<typeof MatrixQuery>;

export const SuggestionsQuery = Type.Object({ for: Type.Optional(Type.String({ maxLength: 40 })) }, { additionalProperties: false });
export type SuggestionsQuery = Static<typeof SuggestionsQuery>;

const CountryCode = Type.String({ pattern: '^[A-Z]{2}$' });
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

/**
 * What a buyer, a supplier or an organiser may change on a profile. Purchase volume and wants are the buyers',
 * complex, mini-cluster and export markets the suppliers'.
 */
export const ProfilePatch = Type.Partial(
  Type.Object({
    company: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    country: CountryCode,
    languages: Type.Array(Type.String({ pattern: '^[a-z]{2,3}$' }), { minItems: 1, maxItems: 12, uniqueItems: true }),
    hsCodes: Type.Array(Type.String({ pattern: '^\\d{4}(\\d{2})?$' }), { minItems: 1, maxItems: 20, uniqueItems: true }),
    annualPurchaseUsd: nullable(Type.Integer({ minimum: 0, maximum: 1_000_000_000_000 })),
    wants: nullable(Type.String({ maxLength: 1000 })),
    complex: nullable(Type.Enum(pilotClusters)),
    miniCluster: nullable(Type.String({ maxLength: 100 })),
    exportMarkets: Type.Array(CountryCode, { maxItems: 60, uniqueItems: true }),
    certifications: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 20, uniqueItems: true }),
    available: nullable(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 100, uniqueItems: true })),
  }),
  { additionalProperties: false, minProperties: 1 },
);
export type ProfilePatch = Static<typeof ProfilePatch>;

/** The fields of ProfilePatch each role has. */
export const buyerOnlyFields = ['annualPurchaseUsd', 'wants'] as const;
export const supplierOnlyFields = ['complex', 'miniCluster', 'exportMarkets'] as const;
