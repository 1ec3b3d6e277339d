import { Type, type Static } from 'typebox';
import { meetingOutcomes } from './meeting-outcomes.ts';

export const ParticipantLinkBody = Type.Object({ delegate: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]) }, { additionalProperties: false });
export type ParticipantLinkBody = Static<typeof ParticipantLinkBody>;

export const Outcome = Type.Object(
  {
  attendance: Type.Union([Type.Literal('held'), Type.Literal('no-show')]),
  outcome: Type.Enum(meetingOutcomes),
  valueUsd: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 10_000_000_000 }), Type.Null()])),
  products: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  /** The HS headings the contract covers (4 digits). */
  hsCodes: Type.Optional(Type.Union([Type.Array(Type.String({ pattern: '^\\d{4}$' }), { maxItems: 10, uniqueItems: true }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type Outcome = Static<typeof Outcome>;

const Counterpart = Type.Object({
  code: Type.String(),
  company: Type.String(),
  country: Type.String(),
  languages: Type.Array(Type.String()),
  /** HS headings with their names in the reader's language. */
  products: Type.Array(Type.Object({ hs: Type.String(), name: Type.String() })),
});

/** A buyer's or supplier's own day: their profile, and once published their meetings with time, table, counterpart and interpreter. */
export const MyConsultation = Type.Object({
  participant: Type.Object({ code: Type.String(), role: Type.String(), company: Type.String(), country: Type.String() }),
  published: Type.Boolean(),
  /** The edition's IANA zone, in which the times are read. */
  timeZone: Type.String(),
  /** The delegate's calendar-feed address (path), for a calendar app to subscribe to. */
  calendarFeed: Type.String(),
  /** The day's time slots, for the participant to say when they can attend. */
  slots: Type.Array(Type.Object({ id: Type.String(), start: Type.String(), end: Type.String() })),
  meetings: Type.Array(
    Type.Object({
      meeting: Type.String(),
      startsAt: Type.Union([Type.String(), Type.Null()]),
      endsAt: Type.Union([Type.String(), Type.Null()]),
      table: Type.Union([Type.String(), Type.Null()]),
      interpreter: Type.Union([Type.String(), Type.Null()]),
      counterpart: Counterpart,
      outcome: Type.Union([Outcome, Type.Null()]),
    }),
  ),
});
export type MyConsultation = Static<typeof MyConsultation>;
