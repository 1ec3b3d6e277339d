import { Type, type Static } from 'typebox';

const Assignment = Type.Object({
  meeting: Type.String(),
  buyer: Type.String(),
  supplier: Type.String(),
  slot: Type.String(),
  startsAt: Type.String(),
  table: Type.String(),
  interpreter: Type.Union([Type.String(), Type.Null()]),
  pinned: Type.Boolean(),
  /** Whether the meeting took place, once the floor or a side recorded it. */
  attendance: Type.Union([Type.Literal('held'), Type.Literal('no-show'), Type.Null()]),
});

/** The consultation plan as it stands (draft or published), with its figures and every unplaced meeting's reason. */
export const ConsultationPlan = Type.Object({
  published: Type.Boolean(),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
  /** Goes up with every change; publishing names the revision the organiser reviewed. */
  revision: Type.Integer(),
  publishedRevision: Type.Union([Type.Integer(), Type.Null()]),
  meetings: Type.Integer(),
  placed: Type.Integer(),
  priority: Type.Number(),
  /** No plan places more priority than this. */
  upperBound: Type.Number(),
  gaps: Type.Integer(),
  breaks: Type.Integer(),
  assignments: Type.Array(Assignment),
  /** What a meeting can be moved to by hand. */
  slots: Type.Array(Type.Object({ id: Type.String(), start: Type.String() })),
  tables: Type.Array(Type.String()),
  interpreters: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), languages: Type.Array(Type.String()) })),
  unscheduled: Type.Array(Type.Object({ meeting: Type.String(), buyer: Type.String(), supplier: Type.String(), reason: Type.String() })),
  /** Each buyer's and supplier's company by code, so screens show names. */
  companies: Type.Record(Type.String(), Type.Object({ company: Type.String(), country: Type.String() })),
  /** The buyer who keeps each table, by table code. */
  homeTables: Type.Record(Type.String(), Type.String()),
});
export type ConsultationPlan = Static<typeof ConsultationPlan>;

export const PlanRunBody = Type.Object({ seconds: Type.Optional(Type.Number({ minimum: 0.1, maximum: 30 })) }, { additionalProperties: false });
export type PlanRunBody = Static<typeof PlanRunBody>;

export const PlanPublishBody = Type.Object({ revision: Type.Integer({ minimum: 0 }) }, { additionalProperties: false });
export type PlanPublishBody = Static<typeof PlanPublishBody>;

/** A meeting put in a slot and at a table by hand; without an interpreter named, a free one who bridges the sides is taken (null: none). */
export const MeetingMoveBody = Type.Object(
  {
    revision: Type.Integer({ minimum: 0 }),
    slot: Type.String({ minLength: 1, maxLength: 100 }),
    table: Type.String({ minLength: 1, maxLength: 100 }),
    interpreter: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()])),
    pinned: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type MeetingMoveBody = Static<typeof MeetingMoveBody>;

/** How far the engine's run has got, pushed live to the organisers' screen: meetings placed so far, seconds spent of those allowed. */
export interface PlanProgress {
  phase: 'placing' | 'repairing' | 'compacting';
  placed: number;
  total: number;
  elapsed: number;
  seconds: number;
}
