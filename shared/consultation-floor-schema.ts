import { Type, type Static } from 'typebox';

const Side = Type.Object({ code: Type.String(), company: Type.String(), arrived: Type.Boolean() });
const TableMeeting = Type.Object({
  meeting: Type.String(),
  buyer: Side,
  supplier: Side,
  /** The interpreter at the table, by name (the code is kept for staff who use it). */
  interpreter: Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()]),
  attendance: Type.Union([Type.String(), Type.Null()]),
});
const SlotInfo = Type.Object({ code: Type.String(), startsAt: Type.String(), endsAt: Type.String() });

/** The hall at a moment: the slot under way and the next one, and at each table the meeting now and next. */
export const FloorBoard = Type.Object({
  revision: Type.Integer(),
  slots: Type.Array(SlotInfo),
  now: Type.Union([SlotInfo, Type.Null()]),
  next: Type.Union([SlotInfo, Type.Null()]),
  tables: Type.Array(Type.Object({ table: Type.String(), now: Type.Union([TableMeeting, Type.Null()]), next: Type.Union([TableMeeting, Type.Null()]) })),
});
export type FloorBoard = Static<typeof FloorBoard>;

export const FloorQuery = Type.Object({ at: Type.Optional(Type.String({ format: 'date-time' })) }, { additionalProperties: false });
export type FloorQuery = Static<typeof FloorQuery>;

export const ArrivalBody = Type.Object({ participant: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false });
export type ArrivalBody = Static<typeof ArrivalBody>;

export const Rebooking = Type.Object({ meeting: Type.String(), buyer: Type.String(), supplier: Type.String(), slot: Type.String(), startsAt: Type.String(), table: Type.String(), interpreter: Type.Union([Type.String(), Type.Null()]) });

/**
 * What the engine proposes after a no-show or a walk-in: meetings waiting for a place that now fit, on the plan of
 * `revision`; `noShow` or `walkIn` names the meeting that led to it.
 */
export const RebookingProposal = Type.Object({
  revision: Type.Integer(),
  noShow: Type.Optional(Type.String()),
  walkIn: Type.Optional(Type.String()),
  proposals: Type.Array(Rebooking),
});
export type RebookingProposal = Static<typeof RebookingProposal>;

/** A proposal sent back as it came, to book it. */
export const AcceptRebookingBody = Type.Object(
  {
    revision: Type.Integer({ minimum: 0 }),
    noShow: Type.Optional(Type.String({ maxLength: 40 })),
    walkIn: Type.Optional(Type.String({ maxLength: 40 })),
    proposals: Type.Array(Rebooking, { maxItems: 500 }),
  },
  { additionalProperties: false },
);
export type AcceptRebookingBody = Static<typeof AcceptRebookingBody>;

/** A buyer and a supplier who ask on the day to meet; `at` is the floor's moment (default now). */
export const WalkInBody = Type.Object(
  { buyer: Type.String({ minLength: 1, maxLength: 40 }), supplier: Type.String({ minLength: 1, maxLength: 40 }), at: Type.Optional(Type.String({ format: 'date-time' })) },
  { additionalProperties: false },
);
export type WalkInBody = Static<typeof WalkInBody>;
