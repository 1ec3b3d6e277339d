import { Type, type Static } from 'typebox';

/** `consultation-instance/1` and `consultation-schedule/1`, as `../shared/formats/README.md` defines them. */
const Id = Type.String({ minLength: 1, maxLength: 100 });
const IsoTime = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$' });
const LanguageTag = Type.String({ pattern: '^[a-z]{2,3}$' });

export const ConsultationInstance = Type.Object({
  format: Type.Literal('consultation-instance/1'),
  slots: Type.Array(Type.Object({ id: Id, start: IsoTime, end: IsoTime })),
  tables: Type.Array(Type.Object({ id: Id })),
  participants: Type.Array(
    Type.Object({
      id: Id,
      role: Type.String({ minLength: 1, maxLength: 40 }),
      languages: Type.Optional(Type.Array(LanguageTag)),
      table: Type.Optional(Id),
      available: Type.Optional(Type.Array(Id)),
    }),
  ),
  interpreters: Type.Optional(Type.Array(Type.Object({ id: Id, languages: Type.Array(LanguageTag, { minItems: 2 }), available: Type.Optional(Type.Array(Id)) }))),
  meetings: Type.Array(Type.Object({ id: Id, buyer: Id, supplier: Id, priority: Type.Optional(Type.Number({ exclusiveMinimum: 0 })) })),
  pinned: Type.Optional(Type.Array(Type.Object({ meeting: Id, slot: Id, table: Id, interpreter: Type.Optional(Id) }))),
});
export type ConsultationInstance = Static<typeof ConsultationInstance>;

export const Assignment = Type.Object({ meeting: Id, slot: Id, table: Id, interpreter: Type.Optional(Id) });
export type Assignment = Static<typeof Assignment>;

export const ConsultationSchedule = Type.Object({
  format: Type.Literal('consultation-schedule/1'),
  assignments: Type.Array(Assignment),
  unscheduled: Type.Array(Type.Object({ meeting: Id, reason: Type.String() })),
});
export type ConsultationSchedule = Static<typeof ConsultationSchedule>;
