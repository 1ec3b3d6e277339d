import { Type, type Static } from 'typebox';
import { LocalizedText } from './localized-text.ts';
import { codePattern } from './programme-schema.ts';

const Capacity = Type.Union([Type.Integer({ minimum: 0, maximum: 100000 }), Type.Null()]);

/** A new delegate category: its code, its name in the edition's languages, places (null: unlimited) and approval. */
export const CategoryBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 40, pattern: codePattern }),
    name: LocalizedText,
    capacity: Type.Optional(Capacity),
    requiresApproval: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CategoryBody = Static<typeof CategoryBody>;

/** A change to a category; `capacity` alone is what the delegate desk sends. */
export const CategoryPatch = Type.Object(
  { name: Type.Optional(LocalizedText), capacity: Type.Optional(Capacity), requiresApproval: Type.Optional(Type.Boolean()) },
  { additionalProperties: false, minProperties: 1 },
);
export type CategoryPatch = Static<typeof CategoryPatch>;

export const CategoryAnswer = Type.Object({
  code: Type.String(),
  name: Type.Union([LocalizedText, Type.Null()]),
  capacity: Capacity,
  requiresApproval: Type.Boolean(),
  /** Waitlisted delegates who got a place through this change. */
  promoted: Type.Integer(),
});
export type CategoryAnswer = Static<typeof CategoryAnswer>;
