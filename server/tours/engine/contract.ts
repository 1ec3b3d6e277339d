import { Type, type Static } from 'typebox';

/** `tour-instance/1` and `tour-assignment/1`, as `../shared/formats/README.md` defines them. */
const Id = Type.String({ minLength: 1, maxLength: 100 });
const LanguageTag = Type.String({ pattern: '^[a-z]{2,3}$' });

export const TourInstance = Type.Object({
  format: Type.Literal('tour-instance/1'),
  tours: Type.Array(Type.Object({ id: Id, capacity: Type.Integer({ minimum: 1 }), languages: Type.Array(LanguageTag, { minItems: 1 }) })),
  delegates: Type.Array(Type.Object({ id: Id, languages: Type.Array(LanguageTag, { minItems: 1 }), preferences: Type.Array(Id) })),
});
export type TourInstance = Static<typeof TourInstance>;

export const TourAssignment = Type.Object({
  format: Type.Literal('tour-assignment/1'),
  assignments: Type.Array(Type.Object({ delegate: Id, tour: Id, rank: Type.Integer({ minimum: 1 }) })),
  unassigned: Type.Array(Type.Object({ delegate: Id, reason: Type.String() })),
});
export type TourAssignment = Static<typeof TourAssignment>;
