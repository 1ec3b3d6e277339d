import { Type, type Static } from 'typebox';
import { delegateStatuses } from './delegate-status.ts';

const filterProperties = {
  country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
  category: Type.Optional(Type.String({ maxLength: 40 })),
  status: Type.Optional(Type.Enum(delegateStatuses)),
  q: Type.Optional(Type.String({ maxLength: 200 })),
};

export const DelegateFilter = Type.Object(filterProperties, { additionalProperties: false });
export type DelegateFilter = Static<typeof DelegateFilter>;

export const DelegateListQuery = Type.Object(
  {
    ...filterProperties,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
);
export type DelegateListQuery = Static<typeof DelegateListQuery>;

export const CsvQuery = Type.Object({ ...filterProperties, lang: Type.Optional(Type.String({ maxLength: 10 })) }, { additionalProperties: false });
export type CsvQuery = Static<typeof CsvQuery>;

export const CapacityBody = Type.Object(
  { capacity: Type.Union([Type.Integer({ minimum: 0, maximum: 100000 }), Type.Null()]) },
  { additionalProperties: false },
);
export type CapacityBody = Static<typeof CapacityBody>;

const nullableText = Type.Union([Type.String(), Type.Null()]);

export const DelegateListItem = Type.Object({
  id: Type.Integer(),
  givenName: Type.String(),
  familyName: Type.String(),
  email: Type.String(),
  country: Type.String(),
  category: Type.String(),
  organisation: nullableText,
  jobTitle: nullableText,
  languages: Type.Array(Type.String()),
  phone: nullableText,
  dietary: nullableText,
  accessibility: nullableText,
  status: Type.Enum(delegateStatuses),
  createdAt: Type.String(),
});
export type DelegateListItem = Static<typeof DelegateListItem>;

export const DelegatePage = Type.Object({ total: Type.Integer(), items: Type.Array(DelegateListItem) });
export type DelegatePage = Static<typeof DelegatePage>;

export const DelegateCounts = Type.Object({
  total: Type.Integer(),
  byStatus: Type.Record(Type.String(), Type.Integer()),
  byCategory: Type.Array(
    Type.Object({
      code: Type.String(),
      capacity: Type.Union([Type.Integer(), Type.Null()]),
      requiresApproval: Type.Boolean(),
      confirmed: Type.Integer(),
      pending: Type.Integer(),
      waitlisted: Type.Integer(),
    }),
  ),
  byCountry: Type.Array(Type.Object({ country: Type.String(), count: Type.Integer() })),
});
export type DelegateCounts = Static<typeof DelegateCounts>;
