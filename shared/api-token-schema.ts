import { Type, type Static } from 'typebox';

export const ApiTokenBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }), readOnly: Type.Boolean() },
  { additionalProperties: false },
);
export type ApiTokenBody = Static<typeof ApiTokenBody>;

export const ApiTokenSummary = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  readOnly: Type.Boolean(),
  createdAt: Type.String(),
  /** The display name of the organiser who made it. */
  createdBy: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});
export type ApiTokenSummary = Static<typeof ApiTokenSummary>;

/** The token itself is shown once, in this answer; afterwards only its hash exists. */
export const ApiTokenCreated = Type.Object({ id: Type.Integer(), token: Type.String() });
export type ApiTokenCreated = Static<typeof ApiTokenCreated>;
