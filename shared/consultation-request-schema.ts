import { Type, type Static } from 'typebox';

export const MeetingRequestBody = Type.Object(
  { counterpart: Type.String({ minLength: 1, maxLength: 40 }), message: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export type MeetingRequestBody = Static<typeof MeetingRequestBody>;

export const PrematchBody = Type.Object(
  { buyer: Type.String({ minLength: 1, maxLength: 40 }), supplier: Type.String({ minLength: 1, maxLength: 40 }), priority: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })) },
  { additionalProperties: false },
);
export type PrematchBody = Static<typeof PrematchBody>;

export const MeetingRequest = Type.Object({
  meeting: Type.String(),
  direction: Type.Union([Type.Literal('incoming'), Type.Literal('outgoing'), Type.Literal('prematch')]),
  counterpart: Type.Object({ code: Type.String(), company: Type.String(), country: Type.String() }),
  status: Type.String(),
  message: Type.Union([Type.String(), Type.Null()]),
});
export type MeetingRequest = Static<typeof MeetingRequest>;

export const ConsultationSettingsBody = Type.Object(
  { requestsCloseAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]) },
  { additionalProperties: false },
);
export type ConsultationSettingsBody = Static<typeof ConsultationSettingsBody>;
