import { Type, type Static } from 'typebox';
import { meetingOutcomes } from './meeting-outcomes.ts';

/** Who speaks for a buyer or supplier, as the organisers' link chooser shows it. */
export const ParticipantSpokesperson = Type.Object({
  delegate: Type.Union([Type.Object({ id: Type.Integer(), givenName: Type.String(), familyName: Type.String(), email: Type.String(), organisation: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
});
export type ParticipantSpokesperson = Static<typeof ParticipantSpokesperson>;

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

/** A participant's code, as spreadsheets and badges show it: `B03`, `S11`, `NL-buyer-2`. */
export const participantCodePattern = '^[A-Za-z0-9][A-Za-z0-9_-]*$';

/** A buyer's or supplier's profile as an organiser enters it (by hand or from a spreadsheet row). */
export const ParticipantRecord = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 40, pattern: participantCodePattern }),
  role: Type.Union([Type.Literal('buyer'), Type.Literal('supplier')]),
  company: Type.String({ minLength: 1, maxLength: 200 }),
  country: Type.String({ pattern: '^[A-Z]{2}$' }),
  languages: Type.Array(Type.String({ pattern: '^[a-z]{2,3}$' }), { minItems: 1, maxItems: 12 }),
  hsCodes: Type.Array(Type.String({ pattern: '^\\d{4}$' }), { maxItems: 40 }),
  annualPurchaseUsd: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  wants: Type.Union([Type.String({ maxLength: 1000 }), Type.Null()]),
  complex: Type.Union([Type.String({ maxLength: 60 }), Type.Null()]),
  miniCluster: Type.Union([Type.String({ maxLength: 100 }), Type.Null()]),
  exportMarkets: Type.Array(Type.String({ pattern: '^[A-Z]{2}$' }), { maxItems: 60 }),
  certifications: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 30 }),
});
export type ParticipantRecord = Static<typeof ParticipantRecord>;

/** An interpreter as an organiser enters them; they bridge any two of their languages. */
export const InterpreterRecord = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 40, pattern: participantCodePattern }),
  name: Type.String({ minLength: 1, maxLength: 120 }),
  languages: Type.Array(Type.String({ pattern: '^[a-z]{2,3}$' }), { minItems: 2, maxItems: 12 }),
});
export type InterpreterRecord = Static<typeof InterpreterRecord>;

/** A buyer or supplier added by hand: who they are is required, the rest of the profile may follow later. */
export const ParticipantCreateBody = Type.Object(
  {
    code: ParticipantRecord.properties.code,
    role: ParticipantRecord.properties.role,
    company: ParticipantRecord.properties.company,
    country: ParticipantRecord.properties.country,
    languages: ParticipantRecord.properties.languages,
    hsCodes: Type.Optional(ParticipantRecord.properties.hsCodes),
    annualPurchaseUsd: Type.Optional(ParticipantRecord.properties.annualPurchaseUsd),
    wants: Type.Optional(ParticipantRecord.properties.wants),
    complex: Type.Optional(ParticipantRecord.properties.complex),
    miniCluster: Type.Optional(ParticipantRecord.properties.miniCluster),
    exportMarkets: Type.Optional(ParticipantRecord.properties.exportMarkets),
    certifications: Type.Optional(ParticipantRecord.properties.certifications),
  },
  { additionalProperties: false },
);
export type ParticipantCreateBody = Static<typeof ParticipantCreateBody>;

const ClockTime = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' });

/** A consultation day's slots as a pattern: from `start` to `end`, `minutes` each, none during the breaks. */
export const SlotPatternBody = Type.Object(
  {
    start: ClockTime,
    end: ClockTime,
    minutes: Type.Integer({ minimum: 5, maximum: 240 }),
    breaks: Type.Array(Type.Object({ start: ClockTime, end: ClockTime }, { additionalProperties: false }), { maxItems: 10 }),
  },
  { additionalProperties: false },
);
export type SlotPatternBody = Static<typeof SlotPatternBody>;

export const DaySlots = Type.Object({ slots: Type.Array(Type.Object({ id: Type.String(), start: Type.String(), end: Type.String() })) });
export type DaySlots = Static<typeof DaySlots>;

/** A table of the consultation hall, named by its code (`T19`). */
export const TableBody = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40, pattern: participantCodePattern }) }, { additionalProperties: false });
export type TableBody = Static<typeof TableBody>;

/** What numbered table codes start with: empty, or a code's first letters (`T`, `Hall-B-`). */
export const tablePrefixPattern = '^([A-Za-z0-9][A-Za-z0-9_-]*)?$';

/** Many tables at once, numbered: `{ prefix: "T", first: 21, count: 20 }` adds T21 to T40. */
export const NumberedTablesBody = Type.Object(
  { prefix: Type.String({ maxLength: 20, pattern: tablePrefixPattern }), first: Type.Integer({ minimum: 0, maximum: 99_999 }), count: Type.Integer({ minimum: 1, maximum: 2_000 }) },
  { additionalProperties: false },
);
export type NumberedTablesBody = Static<typeof NumberedTablesBody>;
