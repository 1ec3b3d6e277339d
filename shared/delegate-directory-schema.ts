import { Type, type Static } from 'typebox';
import { delegateStatuses } from './delegate-status.ts';
import { Registration } from './registration-schema.ts';

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

/** A row of the organisers' list: the registration without what only its own page needs. */
export const DelegateListItem = Type.Omit(Registration, ['waitlistPosition', 'updatedAt', 'calendarUrl']);
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
