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
});

/** The consultation plan as it stands (draft or published), with its figures and every unplaced meeting's reason. */
export const ConsultationPlan = Type.Object({
  published: Type.Boolean(),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
  meetings: Type.Integer(),
  placed: Type.Integer(),
  priority: Type.Number(),
  /** No plan places more priority than this. */
  upperBound: Type.Number(),
  gaps: Type.Integer(),
  breaks: Type.Integer(),
  assignments: Type.Array(Assignment),
  unscheduled: Type.Array(Type.Object({ meeting: Type.String(), buyer: Type.String(), supplier: Type.String(), reason: Type.String() })),
});
export type ConsultationPlan = Static<typeof ConsultationPlan>;

export const PlanRunBody = Type.Object({ seconds: Type.Optional(Type.Number({ minimum: 0.1, maximum: 30 })) }, { additionalProperties: false });
export type PlanRunBody = Static<typeof PlanRunBody>;
