import { Type, type Static } from 'typebox';
import { DelegateStatus } from './registration-schema.ts';
import type { UiLanguage } from './languages.ts';

/** What a message from the organisers may name; each is filled in per recipient. */
export const mailingPlaceholders = ['name', 'congress', 'link', 'calendar'] as const;

const textIn = (maxLength: number) => Type.Optional(Type.String({ minLength: 1, maxLength, pattern: '\\S' }));
const perLanguage = (maxLength: number) =>
  Type.Object({ ko: textIn(maxLength), en: textIn(maxLength), zh: textIn(maxLength), ja: textIn(maxLength), es: textIn(maxLength), fr: textIn(maxLength), ru: textIn(maxLength), vi: textIn(maxLength) } satisfies Record<UiLanguage, unknown>, {
    additionalProperties: false,
    minProperties: 1,
  });

/** Whom a message goes to: delegates matching every criterion given (any value within one). */
export const MailingFilter = Type.Object(
  {
    /** Registration statuses; confirmed delegates only when left out. */
    statuses: Type.Optional(Type.Array(DelegateStatus, { minItems: 1, uniqueItems: true })),
    categories: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { minItems: 1, maxItems: 50, uniqueItems: true })),
    countries: Type.Optional(Type.Array(Type.String({ pattern: '^[A-Z]{2}$' }), { minItems: 1, maxItems: 250, uniqueItems: true })),
    /** Seated on one of these tours' buses. */
    tours: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { minItems: 1, maxItems: 50, uniqueItems: true })),
    /** Speaking for a buyer or a supplier at the export consultation. */
    consultationRoles: Type.Optional(Type.Array(Type.Union([Type.Literal('buyer'), Type.Literal('supplier')]), { minItems: 1, uniqueItems: true })),
    checkedIn: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type MailingFilter = Static<typeof MailingFilter>;

/** A message as organisers write it: subject and body per language, with placeholders such as `{name}` and `{link}`. */
export const MailingDraft = Type.Object({ subject: perLanguage(200), body: perLanguage(5000), filter: MailingFilter }, { additionalProperties: false });
export type MailingDraft = Static<typeof MailingDraft>;

/** How many a message would reach, and how it reads for one of them. */
export const MailingPreview = Type.Object({
  recipients: Type.Integer(),
  /** Recipients by the language they read it in. */
  languages: Type.Record(Type.String(), Type.Integer()),
  sample: Type.Union([Type.Object({ name: Type.String(), to: Type.String(), language: Type.String(), subject: Type.String(), text: Type.String() }), Type.Null()]),
});
export type MailingPreview = Static<typeof MailingPreview>;

export const MailingCreated = Type.Object({ id: Type.Integer(), recipients: Type.Integer() });

const DeliveryCounts = Type.Object({ queued: Type.Integer(), sending: Type.Integer(), sent: Type.Integer(), failed: Type.Integer() });

const MailingSummary = {
  id: Type.Integer(),
  subject: Type.Record(Type.String(), Type.String()),
  createdAt: Type.String(),
  createdBy: Type.String(),
  recipients: Type.Integer(),
  counts: DeliveryCounts,
};

export const MailingList = Type.Object({ sending: Type.Boolean(), items: Type.Array(Type.Object(MailingSummary)) });
export type MailingList = Static<typeof MailingList>;

export const MailingParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export type MailingParams = Static<typeof MailingParams>;

export const MailingRecipientsQuery = Type.Object(
  {
    status: Type.Optional(Type.Union([Type.Literal('queued'), Type.Literal('sending'), Type.Literal('sent'), Type.Literal('failed')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    offset: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type MailingRecipientsQuery = Static<typeof MailingRecipientsQuery>;

/** One message sent to many, with each recipient's delivery. */
export const MailingDetail = Type.Object({
  ...MailingSummary,
  sending: Type.Boolean(),
  body: Type.Record(Type.String(), Type.String()),
  filter: MailingFilter,
  total: Type.Integer(),
  items: Type.Array(
    Type.Object({
      delegateId: Type.Union([Type.Integer(), Type.Null()]),
      name: Type.String(),
      to: Type.String(),
      language: Type.String(),
      status: Type.String(),
      attempts: Type.Integer(),
      lastError: Type.Union([Type.String(), Type.Null()]),
      sentAt: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
export type MailingDetail = Static<typeof MailingDetail>;
