import { Type, type Static } from 'typebox';
import { LocalizedText } from './localized-text.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const calendarDate = Type.String({ format: 'date' });

export const visaLetterFieldLimits = { passportName: 120, passportNumber: 20, consulate: 200, reason: 1000 } as const;

/** A delegate's request for a visa invitation letter: their passport as it reads, and where they apply. */
export const VisaLetterRequestBody = Type.Object(
  {
    /** As the passport prints it, in Latin letters. */
    passportName: Type.String({ minLength: 1, maxLength: visaLetterFieldLimits.passportName, pattern: "^[A-Za-z][A-Za-z '.,-]*$" }),
    nationality: Type.String({ pattern: '^[A-Z]{2}$' }),
    passportNumber: Type.String({ minLength: 5, maxLength: visaLetterFieldLimits.passportNumber, pattern: '^[A-Za-z0-9]+$' }),
    birthDate: calendarDate,
    passportExpiry: calendarDate,
    consulate: Type.String({ minLength: 1, maxLength: visaLetterFieldLimits.consulate, pattern: '\\S' }),
  },
  { additionalProperties: false },
);
export type VisaLetterRequestBody = Static<typeof VisaLetterRequestBody>;

export const VisaLetterStatus = Type.Union([Type.Literal('requested'), Type.Literal('issued'), Type.Literal('declined'), Type.Literal('revoked')]);

/** What the delegate sees of their request: the passport number only by its last characters, the birth date not at all. */
export const MyVisaLetter = Type.Object({
  status: VisaLetterStatus,
  passportName: Type.String(),
  nationality: Type.String(),
  passportNumberEnd: Type.String(),
  passportExpiry: Type.String(),
  consulate: Type.String(),
  requestedAt: Type.String(),
  decidedAt: Nullable(Type.String()),
  declineReason: Nullable(Type.String()),
  verificationCode: Nullable(Type.String()),
});
export type MyVisaLetter = Static<typeof MyVisaLetter>;

/** A request as organisers review it, passport data included. */
export const VisaLetterReview = Type.Object({
  id: Type.Integer(),
  delegateId: Type.Integer(),
  delegateName: Type.String(),
  organisation: Nullable(Type.String()),
  country: Type.String(),
  delegateStatus: Type.String(),
  passportName: Type.String(),
  nationality: Type.String(),
  passportNumber: Type.String(),
  birthDate: Type.String(),
  passportExpiry: Type.String(),
  consulate: Type.String(),
  status: VisaLetterStatus,
  requestedAt: Type.String(),
  decidedAt: Nullable(Type.String()),
  declineReason: Nullable(Type.String()),
  verificationCode: Nullable(Type.String()),
});
export type VisaLetterReview = Static<typeof VisaLetterReview>;

export const VisaLetterQueueQuery = Type.Object({ status: Type.Optional(VisaLetterStatus) }, { additionalProperties: false });
export type VisaLetterQueueQuery = Static<typeof VisaLetterQueueQuery>;

export const VisaLetterQueue = Type.Object({
  counts: Type.Object({ requested: Type.Integer(), issued: Type.Integer(), declined: Type.Integer(), revoked: Type.Integer() }),
  items: Type.Array(VisaLetterReview),
});
export type VisaLetterQueue = Static<typeof VisaLetterQueue>;

export const VisaLetterParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export type VisaLetterParams = Static<typeof VisaLetterParams>;

export const VisaLetterDeclineBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: visaLetterFieldLimits.reason, pattern: '\\S' }) }, { additionalProperties: false });
export type VisaLetterDeclineBody = Static<typeof VisaLetterDeclineBody>;

/** What anyone holding a letter's code learns: whose it is, for which congress, when it was issued, and whether it still stands. */
export const VisaLetterVerification = Type.Object({
  holderName: Type.String(),
  nationality: Type.String(),
  congress: LocalizedText,
  congressLanguages: Type.Array(Type.String()),
  startsOn: Type.String(),
  endsOn: Type.String(),
  city: LocalizedText,
  issuedOn: Type.String(),
  revoked: Type.Boolean(),
});
export type VisaLetterVerification = Static<typeof VisaLetterVerification>;

export const VerifyParams = Type.Object({ code: Type.String({ maxLength: 40 }) });
export type VerifyParams = Static<typeof VerifyParams>;

/** The letter's fixed wording: who signs, and what the organisers cover. */
export const VisaLetterSettings = Type.Object(
  { signatory: Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' }), signatoryTitle: LocalizedText, covers: LocalizedText },
  { additionalProperties: false },
);
export type VisaLetterSettings = Static<typeof VisaLetterSettings>;
