import { Type, type Static } from 'typebox';

/** Most tours a delegate may rank. */
export const maxTourChoices = 5;

export const TourBus = Type.Object({
  id: Type.Integer(),
  label: Type.String(),
  capacity: Type.Integer(),
  guideLanguages: Type.Array(Type.String()),
  seatsTaken: Type.Integer(),
});
export type TourBus = Static<typeof TourBus>;

/** A tour as a reader sees it: texts in the reader's language, else the congress's own, else English. */
export const TourView = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  title: Type.String(),
  description: Type.String(),
  departsAt: Type.String(),
  returnsAt: Type.String(),
  meetingPoint: Type.String(),
  buses: Type.Array(TourBus),
});
export type TourView = Static<typeof TourView>;

export const TourSeat = Type.Object({
  tour: Type.String(),
  busId: Type.Integer(),
  busLabel: Type.String(),
  /** Which of the delegate's choices this is; null when an organiser seated them elsewhere. */
  rank: Type.Union([Type.Integer(), Type.Null()]),
  boardedAt: Type.Union([Type.String(), Type.Null()]),
});
export type TourSeat = Static<typeof TourSeat>;

/** A delegate's own tour page: the tours, their choices, and once published their seat or place in line. */
export const MyTours = Type.Object({
  tours: Type.Array(TourView),
  choices: Type.Array(Type.String()),
  choicesOpen: Type.Boolean(),
  choicesCloseAt: Type.Union([Type.String(), Type.Null()]),
  published: Type.Boolean(),
  seat: Type.Union([TourSeat, Type.Null()]),
  waitlist: Type.Array(Type.Object({ tour: Type.String(), position: Type.Integer() })),
});
export type MyTours = Static<typeof MyTours>;

export const TourChoicesBody = Type.Object(
  { tours: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: maxTourChoices, uniqueItems: true }) },
  { additionalProperties: false },
);
export type TourChoicesBody = Static<typeof TourChoicesBody>;

export const TakeSeatBody = Type.Object({ tour: Type.String({ minLength: 1, maxLength: 60 }) }, { additionalProperties: false });
export type TakeSeatBody = Static<typeof TakeSeatBody>;

export const SeatRequestAnswer = Type.Object({
  outcome: Type.Union([Type.Literal('seated'), Type.Literal('waitlisted')]),
  seat: Type.Union([TourSeat, Type.Null()]),
  position: Type.Union([Type.Integer(), Type.Null()]),
});
export type SeatRequestAnswer = Static<typeof SeatRequestAnswer>;

/** The organiser's view of the assignment: figures, buses, and everyone without a seat with the reason. */
export const TourAssignmentPreview = Type.Object({
  published: Type.Boolean(),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
  choicesCloseAt: Type.Union([Type.String(), Type.Null()]),
  delegatesWithChoices: Type.Integer(),
  placed: Type.Integer(),
  /** `rankHistogram[r - 1]`: delegates on their r-th choice. */
  rankHistogram: Type.Array(Type.Integer()),
  /** Seated outside their choices by an organiser. */
  outsideChoices: Type.Integer(),
  firstChoiceShare: Type.Number(),
  tours: Type.Array(TourView),
  unassigned: Type.Array(Type.Object({ delegateId: Type.Integer(), name: Type.String(), country: Type.String(), reason: Type.String() })),
});
export type TourAssignmentPreview = Static<typeof TourAssignmentPreview>;

export const SeatMoveBody = Type.Object({ bus: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]) }, { additionalProperties: false });
export type SeatMoveBody = Static<typeof SeatMoveBody>;

export const TourSettingsBody = Type.Object(
  { choicesCloseAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]) },
  { additionalProperties: false },
);
export type TourSettingsBody = Static<typeof TourSettingsBody>;

export const ManifestRow = Type.Object({
  delegateId: Type.Integer(),
  name: Type.String(),
  country: Type.String(),
  languages: Type.Array(Type.String()),
  phone: Type.Union([Type.String(), Type.Null()]),
  boardedAt: Type.Union([Type.String(), Type.Null()]),
});
export const BusManifest = Type.Object({
  tour: TourView,
  bus: TourBus,
  passengers: Type.Array(ManifestRow),
});
export type BusManifest = Static<typeof BusManifest>;

export const BoardingBody = Type.Object({ delegate: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export type BoardingBody = Static<typeof BoardingBody>;
