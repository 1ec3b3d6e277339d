import { Type, type Static } from 'typebox';
import { uiLanguages } from './languages.ts';
import { LocalizedText, OptionalLocalizedText } from './localized-text.ts';
import { CongressRole } from './team-schema.ts';

/** An edition's address: lower-case letters, digits and hyphens, like `tci-2016-eindhoven`. */
export const slugPattern = '^[a-z0-9]+(-[a-z0-9]+)*$';
export const Slug = Type.String({ minLength: 2, maxLength: 60, pattern: slugPattern });

const UiLanguageList = Type.Array(Type.Union(uiLanguages.map((language) => Type.Literal(language))), { minItems: 1, maxItems: uiLanguages.length, uniqueItems: true });
const CalendarDate = Type.String({ format: 'date' });

export const CongressInfo = Type.Object({
  slug: Type.String(),
  name: LocalizedText,
  theme: OptionalLocalizedText,
  /** The congress's own languages: texts missing in the reader's language are shown in these, in order. */
  languages: Type.Array(Type.String()),
  startsOn: Type.String(),
  endsOn: Type.String(),
  venue: LocalizedText,
  city: LocalizedText,
  /** IANA zone every time of the edition is shown in. */
  timeZone: Type.String(),
  registrationOpen: Type.Boolean(),
  archived: Type.Boolean(),
  /** The last day personal data is kept; after it, it is erased. Null: kept. */
  personalDataUntil: Type.Union([Type.String(), Type.Null()]),
  /** `title`: the day's own name per language; null: the label of its `focus`. */
  days: Type.Array(Type.Object({ date: Type.String(), focus: Type.String(), title: Type.Union([LocalizedText, Type.Null()]) })),
  categories: Type.Array(Type.Object({ code: Type.String(), name: Type.Union([LocalizedText, Type.Null()]), requiresApproval: Type.Boolean() })),
});
export type CongressInfo = Static<typeof CongressInfo>;

/** What organisers may change of an edition as a whole; at least one field. */
export const CongressPatch = Type.Object(
  {
    registrationOpen: Type.Optional(Type.Boolean()),
    archived: Type.Optional(Type.Boolean()),
    name: Type.Optional(LocalizedText),
    theme: Type.Optional(OptionalLocalizedText),
    venue: Type.Optional(LocalizedText),
    city: Type.Optional(LocalizedText),
    languages: Type.Optional(UiLanguageList),
    /** New first and last days; everything stays on its date, a date that goes must have nothing on it. */
    startsOn: Type.Optional(CalendarDate),
    endsOn: Type.Optional(CalendarDate),
    /** The last day delegates' personal data is kept, on or after the last day of the edition; null: kept. */
    personalDataUntil: Type.Optional(Type.Union([CalendarDate, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type CongressPatch = Static<typeof CongressPatch>;

export const CongressCreateBody = Type.Object(
  {
    slug: Slug,
    name: LocalizedText,
    theme: Type.Optional(OptionalLocalizedText),
    startsOn: CalendarDate,
    endsOn: CalendarDate,
    venue: LocalizedText,
    city: LocalizedText,
    timeZone: Type.String({ minLength: 1, maxLength: 64 }),
    languages: Type.Optional(UiLanguageList),
    /** An earlier edition whose structure is copied, its days shifted to the new dates. */
    copyFrom: Type.Optional(Slug),
    /** With `copyFrom`: the programme's sessions too (without their papers and speakers). */
    copyProgramme: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CongressCreateBody = Static<typeof CongressCreateBody>;

export const CongressCreated = Type.Object({ slug: Type.String() });

/** One edition in the installation's list. */
export const CongressSummary = Type.Object({
  slug: Type.String(),
  /** The asking account's role in the edition. */
  role: CongressRole,
  name: LocalizedText,
  startsOn: Type.String(),
  endsOn: Type.String(),
  city: LocalizedText,
  timeZone: Type.String(),
  archived: Type.Boolean(),
  isDefault: Type.Boolean(),
});
export type CongressSummary = Static<typeof CongressSummary>;

/** What a day is about; each has a label in every interface language. */
export const dayFocuses = ['conference', 'tours', 'consultation', 'closing'] as const;

/** A day's focus, and its own name per language (null: the focus's label). */
export const DayBody = Type.Object(
  { focus: Type.Union(dayFocuses.map((focus) => Type.Literal(focus))), title: Type.Union([LocalizedText, Type.Null()]) },
  { additionalProperties: false },
);
export type DayBody = Static<typeof DayBody>;

/** Moves the whole edition to start on another date, every time keeping its hour. */
export const EditionMoveBody = Type.Object({ startsOn: CalendarDate }, { additionalProperties: false });
export type EditionMoveBody = Static<typeof EditionMoveBody>;
