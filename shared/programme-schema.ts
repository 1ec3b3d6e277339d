import { Type, type Static } from 'typebox';
import { sessionKinds } from './session-kinds.ts';
import { LocalizedText, OptionalLocalizedText } from './localized-text.ts';

const SessionKind = Type.Enum(sessionKinds);
const Person = Type.Object({ code: Type.String(), name: Type.String(), affiliation: Type.String() });

/** A session as a reader sees it: texts in their language, else the edition's own languages, else English. */
export const SessionView = Type.Object({
  code: Type.String(),
  kind: SessionKind,
  title: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  startsAt: Type.String(),
  endsAt: Type.String(),
  room: Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()]),
  place: Type.Union([Type.String(), Type.Null()]),
  chair: Type.Union([Person, Type.Null()]),
  speakers: Type.Array(Person),
  papers: Type.Array(Type.Object({ title: Type.String(), authors: Type.String(), abstract: Type.String() })),
  capacity: Type.Union([Type.Integer(), Type.Null()]),
  /** Places taken on agendas (the waiting list not counted). */
  taken: Type.Integer(),
  cancelled: Type.Boolean(),
  /** Goes up with every change; `updatedAt` is when the last one was made. */
  sequence: Type.Integer(),
  updatedAt: Type.String(),
});
export type SessionView = Static<typeof SessionView>;

export const ProgrammeView = Type.Object({
  /** `name` in the reader's language; `names` in every language, for the organisers' editor. */
  rooms: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), names: LocalizedText, capacity: Type.Union([Type.Integer(), Type.Null()]) })),
  /** `name` and `affiliation` in the reader's language; `names` and `affiliations` in every language, for the editor. */
  people: Type.Array(Type.Object({ ...Person.properties, names: LocalizedText, affiliations: OptionalLocalizedText })),
  sessions: Type.Array(SessionView),
});
export type ProgrammeView = Static<typeof ProgrammeView>;

const Code = Type.String({ minLength: 1, maxLength: 60 });
/** The code of something new: lower-case letters, digits and hyphens, as it appears in addresses. */
export const codePattern = '^[a-z0-9][a-z0-9-]*$';
const NewCode = Type.String({ minLength: 1, maxLength: 60, pattern: codePattern });
/** Places or seats; null: not counted. */
const seats = Type.Union([Type.Integer({ minimum: 1, maximum: 100_000 }), Type.Null()]);
/** A paper as the session presents it; the list is sent whole, in presentation order. */
export const PaperBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }),
    authors: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }),
    abstract: Type.String({ maxLength: 6000 }),
  },
  { additionalProperties: false },
);
export type PaperBody = Static<typeof PaperBody>;

const sessionFields = {
  kind: SessionKind,
  title: LocalizedText,
  /** `{}`: no description. */
  description: OptionalLocalizedText,
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.String({ format: 'date-time' }),
  room: Type.Union([Code, Type.Null()]),
  /** Where a session outside the venue meets; `{}`: none. */
  place: OptionalLocalizedText,
  chair: Type.Union([Code, Type.Null()]),
  speakers: Type.Array(Code, { maxItems: 30, uniqueItems: true }),
  capacity: seats,
  papers: Type.Array(PaperBody, { maxItems: 12 }),
  /** Calls the session off (true) or on again (false). */
  cancelled: Type.Boolean(),
};

/** A new session: its code, kind, times and its title in at least one language; the rest may follow. */
export const SessionCreateBody = Type.Object(
  {
    code: NewCode,
    kind: sessionFields.kind,
    startsAt: sessionFields.startsAt,
    endsAt: sessionFields.endsAt,
    title: sessionFields.title,
    description: Type.Optional(sessionFields.description),
    room: Type.Optional(sessionFields.room),
    place: Type.Optional(sessionFields.place),
    chair: Type.Optional(sessionFields.chair),
    speakers: Type.Optional(sessionFields.speakers),
    capacity: Type.Optional(sessionFields.capacity),
    papers: Type.Optional(sessionFields.papers),
  },
  { additionalProperties: false },
);
export type SessionCreateBody = Static<typeof SessionCreateBody>;

export const SessionPatchBody = Type.Partial(Type.Object(sessionFields), { additionalProperties: false, minProperties: 1 });

/** A session as the organisers' editor loads it: every field as stored, its texts in every language. */
export const SessionEditable = Type.Object({
  code: Type.String(),
  kind: SessionKind,
  title: LocalizedText,
  description: OptionalLocalizedText,
  startsAt: Type.String(),
  endsAt: Type.String(),
  room: Type.Union([Type.String(), Type.Null()]),
  place: OptionalLocalizedText,
  chair: Type.Union([Type.String(), Type.Null()]),
  speakers: Type.Array(Type.String()),
  capacity: Type.Union([Type.Integer(), Type.Null()]),
  papers: Type.Array(PaperBody),
  cancelled: Type.Boolean(),
});
export type SessionEditable = Static<typeof SessionEditable>;
export type SessionPatchBody = Static<typeof SessionPatchBody>;

const roomFields = {
  name: LocalizedText,
  capacity: seats,
};
const personFields = {
  name: LocalizedText,
  affiliation: Type.Optional(OptionalLocalizedText),
};
/** A room of the venue: its name per language and its seats (none: not counted). */
export const RoomCreateBody = Type.Object({ code: NewCode, ...roomFields }, { additionalProperties: false });
export type RoomCreateBody = Static<typeof RoomCreateBody>;
export const RoomPatchBody = Type.Partial(Type.Object(roomFields), { additionalProperties: false, minProperties: 1 });
export type RoomPatchBody = Static<typeof RoomPatchBody>;

/** A speaker or chair: the name as printed in the programme and where they come from. */
export const PersonCreateBody = Type.Object({ code: NewCode, ...personFields }, { additionalProperties: false });
export type PersonCreateBody = Static<typeof PersonCreateBody>;
export const PersonPatchBody = Type.Partial(Type.Object(personFields), { additionalProperties: false, minProperties: 1 });
export type PersonPatchBody = Static<typeof PersonPatchBody>;

/** Why a delegate's agenda changed without them (the `agenda.changed` live event): a place from the waiting list, a session called off or on again. */
export const agendaChanges = ['place', 'cancelled', 'reinstated'] as const;
export type AgendaChange = (typeof agendaChanges)[number];

const Commitment = Type.Object({
  kind: Type.Union([Type.Literal('session'), Type.Literal('tour'), Type.Literal('meeting')]),
  code: Type.String(),
  title: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  location: Type.Union([Type.String(), Type.Null()]),
});

/** A delegate's agenda: each session with its status and what else they have at that time; their tour and meetings. */
export const MyAgenda = Type.Object({
  entries: Type.Array(Type.Object({ session: SessionView, status: Type.Union([Type.Literal('going'), Type.Literal('waitlisted')]), clashes: Type.Array(Commitment) })),
  /** The tour bus and consultation meetings, which are on the day whether or not sessions are added. */
  commitments: Type.Array(Commitment),
  /** The live topic that announces a place given from a waiting list (`agenda.changed`). */
  liveTopic: Type.String(),
});
export type MyAgenda = Static<typeof MyAgenda>;
