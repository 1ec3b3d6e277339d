import { Type, type Static } from 'typebox';

export const AuditQuery = Type.Object(
  {
    /** An organiser's or staff member's account id: what that person did. */
    account: Type.Optional(Type.Integer({ minimum: 1 })),
    /** The first part of the action: `delegate`, `category`, `tour`, `consultation`, `programme`, `agenda`, `import`, `apiToken`, `congress`. */
    area: Type.Optional(Type.String({ pattern: '^[a-zA-Z]+$', maxLength: 40 })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditPage = Type.Object({
  total: Type.Integer(),
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      at: Type.String(),
      actor: Type.Object({ type: Type.String(), id: Type.Union([Type.Integer(), Type.Null()]), name: Type.Union([Type.String(), Type.Null()]) }),
      action: Type.String(),
      entity: Type.String(),
      entityId: Type.Integer(),
      data: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
    }),
  ),
});
export type AuditPage = Static<typeof AuditPage>;
