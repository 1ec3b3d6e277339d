import { Type, type Static } from 'typebox';
import { delegateStatuses } from './delegate-status.ts';

export const CheckInBody = Type.Object({ badgeCode: Type.String({ minLength: 1, maxLength: 200 }), desk: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false });
export type CheckInBody = Static<typeof CheckInBody>;

/** What the desk sees after a scan: who it is, and whether they were already checked in (when and where). */
export const CheckInResult = Type.Object({
  status: Type.Union([Type.Literal('checked-in'), Type.Literal('already')]),
  delegate: Type.Object({ id: Type.Integer(), name: Type.String(), latinName: Type.Union([Type.String(), Type.Null()]), organisation: Type.Union([Type.String(), Type.Null()]), country: Type.String(), category: Type.String() }),
  checkedInAt: Type.String(),
  desk: Type.String(),
});
export type CheckInResult = Static<typeof CheckInResult>;

export const CheckInCounts = Type.Object({ checkedIn: Type.Integer(), expected: Type.Integer(), byDesk: Type.Array(Type.Object({ desk: Type.String(), count: Type.Integer() })) });
export type CheckInCounts = Static<typeof CheckInCounts>;

/** A desk checking in a delegate found by name. */
export const CheckInByNameBody = Type.Object({ delegate: Type.Integer({ minimum: 1 }), desk: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false });
export type CheckInByNameBody = Static<typeof CheckInByNameBody>;

export const ArrivalSearchQuery = Type.Object({ q: Type.String({ minLength: 2, maxLength: 100 }) }, { additionalProperties: false });
export type ArrivalSearchQuery = Static<typeof ArrivalSearchQuery>;

/** A delegate the desk may be looking for: who, their registration's status, and whether they are already in. */
export const ArrivalCandidate = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  latinName: Type.Union([Type.String(), Type.Null()]),
  organisation: Type.Union([Type.String(), Type.Null()]),
  country: Type.String(),
  category: Type.String(),
  status: Type.Enum(delegateStatuses),
  checkedInAt: Type.Union([Type.String(), Type.Null()]),
});
export type ArrivalCandidate = Static<typeof ArrivalCandidate>;

/** A confirmed delegate's own check-in code, to show on their phone at the door, and whether they are already in. */
export const MyBadge = Type.Object({ badgeCode: Type.String(), checkedInAt: Type.Union([Type.String(), Type.Null()]) });
export type MyBadge = Static<typeof MyBadge>;

export const BadgeQuery = Type.Object(
  {
    category: Type.Optional(Type.String({ maxLength: 40 })),
    country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
    /** One delegate's badge, reprinted at the desk. */
    delegate: Type.Optional(Type.Integer({ minimum: 1 })),
    lang: Type.Optional(Type.String({ maxLength: 10 })),
  },
  { additionalProperties: false },
);
export type BadgeQuery = Static<typeof BadgeQuery>;
