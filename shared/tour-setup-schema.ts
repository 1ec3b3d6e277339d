import { Type, type Static } from 'typebox';
import { LocalizedText, OptionalLocalizedText } from './localized-text.ts';
import { codePattern } from './programme-schema.ts';

const Instant = Type.String({ format: 'date-time' });
const Seats = Type.Integer({ minimum: 1, maximum: 500 });
/** Language tags (`en`, `zh`, `pt-BR`); checked against the known tags by the service so the refusal names the tag. */
const GuideLanguages = Type.Array(Type.String({ minLength: 2, maxLength: 20 }), { minItems: 1, maxItems: 10, uniqueItems: true });

/** A new cluster tour: its texts per language, when it leaves and returns (with the edition's offset), where it meets. */
export const TourBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 60, pattern: codePattern }),
    title: LocalizedText,
    description: Type.Optional(OptionalLocalizedText),
    meetingPoint: LocalizedText,
    departsAt: Instant,
    returnsAt: Instant,
  },
  { additionalProperties: false },
);
export type TourBody = Static<typeof TourBody>;

export const TourPatch = Type.Object(
  {
    title: Type.Optional(LocalizedText),
    description: Type.Optional(OptionalLocalizedText),
    meetingPoint: Type.Optional(LocalizedText),
    departsAt: Type.Optional(Instant),
    returnsAt: Type.Optional(Instant),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type TourPatch = Static<typeof TourPatch>;

export const BusBody = Type.Object({ label: LocalizedText, capacity: Seats, guideLanguages: GuideLanguages }, { additionalProperties: false });
export type BusBody = Static<typeof BusBody>;

export const BusPatch = Type.Object(
  { label: Type.Optional(LocalizedText), capacity: Type.Optional(Seats), guideLanguages: Type.Optional(GuideLanguages) },
  { additionalProperties: false, minProperties: 1 },
);
export type BusPatch = Static<typeof BusPatch>;


/** A bus as organisers set it up: its label in every language written. */
export const BusAsStored = Type.Object({
  id: Type.Integer(),
  label: LocalizedText,
  capacity: Type.Integer(),
  guideLanguages: Type.Array(Type.String()),
  seatsTaken: Type.Integer(),
});
export type BusAsStored = Static<typeof BusAsStored>;

/** A tour as organisers set it up: every language of its texts, its buses, and how many delegates chose it. */
export const TourAsStored = Type.Object({
  code: Type.String(),
  title: LocalizedText,
  description: OptionalLocalizedText,
  meetingPoint: LocalizedText,
  departsAt: Type.String(),
  returnsAt: Type.String(),
  buses: Type.Array(BusAsStored),
  /** Delegates who ranked the tour among their choices. */
  chosenBy: Type.Integer(),
  waiting: Type.Integer(),
});
export type TourAsStored = Static<typeof TourAsStored>;

export const ToursAsStored = Type.Object({ tours: Type.Array(TourAsStored) });
export type ToursAsStored = Static<typeof ToursAsStored>;

/** A change to a bus; `promoted` lists delegates who took a freed or added seat from the tour's waiting list. */
export const BusChanged = Type.Object({ tour: TourAsStored, promoted: Type.Array(Type.Integer()) });
export type BusChanged = Static<typeof BusChanged>;
