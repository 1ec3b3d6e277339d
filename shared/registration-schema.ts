import { Type, type Static } from 'typebox';
import { delegateStatuses } from './delegate-status.ts';

/** Longest value accepted for each free-text field. */
export const fieldLimits = {
  givenName: 100,
  familyName: 100,
  latinName: 200,
  email: 254,
  organisation: 200,
  jobTitle: 150,
  phone: 40,
  dietary: 500,
  accessibility: 500,
  languages: 12,
} as const;

/**
 * A name in Latin letters (accents allowed), as printed beside the delegate's own script: "Minjun KIM", "Nguyễn Văn An".
 * Blank means "not given".
 */
export const latinNamePattern = "^\\s*$|^(?=.*\\p{Script=Latin})[\\p{Script=Latin}\\p{M} .,'’()-]+$";

const name = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
const optionalText = (maxLength: number) => Type.Optional(Type.Union([Type.String({ maxLength }), Type.Null()]));

const editableFields = {
  givenName: name(fieldLimits.givenName),
  familyName: name(fieldLimits.familyName),
  latinName: Type.Optional(Type.Union([Type.String({ maxLength: fieldLimits.latinName, pattern: latinNamePattern }), Type.Null()])),
  email: Type.String({ format: 'email', maxLength: fieldLimits.email }),
  country: Type.String({ pattern: '^[A-Z]{2}$' }),
  organisation: optionalText(fieldLimits.organisation),
  jobTitle: optionalText(fieldLimits.jobTitle),
  languages: Type.Array(Type.String({ pattern: '^[a-z]{2,3}$' }), { minItems: 1, maxItems: fieldLimits.languages, uniqueItems: true }),
  phone: Type.Optional(Type.Union([Type.String({ maxLength: fieldLimits.phone, pattern: '^\\+?[0-9 ()./-]{4,}$' }), Type.Null()])),
  dietary: optionalText(fieldLimits.dietary),
  accessibility: optionalText(fieldLimits.accessibility),
};

export const RegistrationBody = Type.Object(
  {
    givenName: editableFields.givenName,
    familyName: editableFields.familyName,
    latinName: editableFields.latinName,
    email: editableFields.email,
    country: editableFields.country,
    category: Type.String({ minLength: 1, maxLength: 40 }),
    organisation: editableFields.organisation,
    jobTitle: editableFields.jobTitle,
    languages: editableFields.languages,
    phone: editableFields.phone,
    dietary: editableFields.dietary,
    accessibility: editableFields.accessibility,
    /** A solved proof of work, asked for once the sender's address has registered many delegates. */
    challenge: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);
export type RegistrationBody = Static<typeof RegistrationBody>;

/** What a delegate may change on their own registration; the category is the organisers' to change. */
export const RegistrationUpdateBody = Type.Partial(Type.Object(editableFields), { additionalProperties: false, minProperties: 1 });
export type RegistrationUpdateBody = Static<typeof RegistrationUpdateBody>;

export const DelegateStatus = Type.Enum(delegateStatuses);

export const RegistrationCreated = Type.Object({ id: Type.Integer(), token: Type.String(), status: DelegateStatus, calendarUrl: Type.String() });
export type RegistrationCreated = Static<typeof RegistrationCreated>;

export const Registration = Type.Object({
  id: Type.Integer(),
  givenName: Type.String(),
  familyName: Type.String(),
  latinName: Type.Union([Type.String(), Type.Null()]),
  email: Type.String(),
  country: Type.String(),
  category: Type.String(),
  organisation: Type.Union([Type.String(), Type.Null()]),
  jobTitle: Type.Union([Type.String(), Type.Null()]),
  languages: Type.Array(Type.String()),
  phone: Type.Union([Type.String(), Type.Null()]),
  dietary: Type.Union([Type.String(), Type.Null()]),
  accessibility: Type.Union([Type.String(), Type.Null()]),
  status: DelegateStatus,
  /** Place in the category's waiting list (1 is next), present while waitlisted. */
  waitlistPosition: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  /** The secret address (path) of the delegate's calendar feed: agenda sessions, tour bus, consultation meetings. */
  calendarUrl: Type.String(),
  /** On the delegate's own page: the side they speak for at the export consultation, if any (null: none). */
  consultationRole: Type.Optional(Type.Union([Type.Literal('buyer'), Type.Literal('supplier'), Type.Null()])),
});
export type Registration = Static<typeof Registration>;

const FieldError = Type.Object({ field: Type.String(), message: Type.String() });
/** A refusal: the first field at fault and why, and every field at fault (a form marks them all at once). */
export const ApiError = Type.Object({ field: Type.String(), message: Type.String(), errors: Type.Optional(Type.Array(FieldError)) });
export type ApiError = Static<typeof ApiError>;

/** "Send my link again": the address a registration was made with. */
export const LinkRequestBody = Type.Object({ email: editableFields.email }, { additionalProperties: false });
export type LinkRequestBody = Static<typeof LinkRequestBody>;

/** The same answer whether or not the address is registered. */
export const LinkRequestAccepted = Type.Object({ accepted: Type.Literal(true) });
