import { Type, type Static } from 'typebox';
import { InterpreterRecord, participantCodePattern } from './consultation-schema.ts';

/** Slot codes someone works or attends; null: the whole day. */
const Availability = Type.Union([Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 500, uniqueItems: true }), Type.Null()]);

export const InterpreterBody = Type.Object(
  { ...InterpreterRecord.properties, available: Type.Optional(Availability) },
  { additionalProperties: false },
);
export type InterpreterBody = Static<typeof InterpreterBody>;

export const InterpreterPatch = Type.Object(
  { name: Type.Optional(InterpreterRecord.properties.name), languages: Type.Optional(InterpreterRecord.properties.languages), available: Type.Optional(Availability) },
  { additionalProperties: false, minProperties: 1 },
);
export type InterpreterPatch = Static<typeof InterpreterPatch>;

/** Which table a buyer keeps all day; null: none, the engine seats them anywhere. */
export const HomeTableBody = Type.Object(
  { table: Type.Union([Type.String({ minLength: 1, maxLength: 40, pattern: participantCodePattern }), Type.Null()]) },
  { additionalProperties: false },
);
export type HomeTableBody = Static<typeof HomeTableBody>;

const Company = Type.Object({ code: Type.String(), company: Type.String() });

/** The consultation hall as organisers set it up: the day's slots, its tables with their buyers, its interpreters. */
export const ConsultationHall = Type.Object({
  slots: Type.Array(Type.Object({ code: Type.String(), startsAt: Type.String(), endsAt: Type.String() })),
  tables: Type.Array(Type.Object({ code: Type.String(), homeOf: Type.Union([Company, Type.Null()]), plannedMeetings: Type.Integer() })),
  buyers: Type.Array(Type.Object({ code: Type.String(), company: Type.String(), homeTable: Type.Union([Type.String(), Type.Null()]) })),
  interpreters: Type.Array(
    Type.Object({ code: Type.String(), name: Type.String(), languages: Type.Array(Type.String()), available: Type.Union([Type.Array(Type.String()), Type.Null()]), plannedMeetings: Type.Integer() }),
  ),
});
export type ConsultationHall = Static<typeof ConsultationHall>;
