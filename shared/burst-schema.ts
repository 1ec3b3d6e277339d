import { Type, type Static } from 'typebox';

/** Registrations that came from one client address, for an organiser to judge whether they are a person's or a script's. */
export const RegistrationBurst = Type.Object({
  address: Type.String(),
  registrations: Type.Integer(),
  /** Of them, those not yet cancelled or declined: what cancelling the burst would cancel. */
  open: Type.Integer(),
  firstAt: Type.String(),
  lastAt: Type.String(),
});
export type RegistrationBurst = Static<typeof RegistrationBurst>;

export const BurstListQuery = Type.Object(
  { minimum: Type.Optional(Type.Integer({ minimum: 2, maximum: 100000 })) },
  { additionalProperties: false },
);
export type BurstListQuery = Static<typeof BurstListQuery>;

export const BurstList = Type.Object({ items: Type.Array(RegistrationBurst) });
export type BurstList = Static<typeof BurstList>;

/** Which registrations to cancel: those from one address, those made in a time window, or both at once. */
export const BurstCancelBody = Type.Object(
  {
    address: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);
export type BurstCancelBody = Static<typeof BurstCancelBody>;

export const BurstCancelled = Type.Object({ cancelled: Type.Integer() });
export type BurstCancelled = Static<typeof BurstCancelled>;
