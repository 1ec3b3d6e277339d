import { Type, type Static } from 'typebox';

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

export const SuggestionsQuery = Type.Object({ for: Type.Optional(Type.String({ maxLength: 40 })) }, { additionalProperties: false });
export type SuggestionsQuery = Static<typeof SuggestionsQuery>;
