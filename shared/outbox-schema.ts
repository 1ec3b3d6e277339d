import { Type, type Static } from 'typebox';

export const OutboxQuery = Type.Object(
  {
    status: Type.Optional(Type.Union([Type.Literal('queued'), Type.Literal('sending'), Type.Literal('sent'), Type.Literal('failed')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    offset: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type OutboxQuery = Static<typeof OutboxQuery>;

/** The edition's outgoing messages, newest first: to whom, about what, and how delivery went. */
export const OutboxPage = Type.Object({
  /** Whether messages leave at all (false without an SMTP server: they wait here). */
  sending: Type.Boolean(),
  total: Type.Integer(),
  counts: Type.Object({ queued: Type.Integer(), sending: Type.Integer(), sent: Type.Integer(), failed: Type.Integer() }),
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      kind: Type.String(),
      to: Type.String(),
      subject: Type.String(),
      language: Type.String(),
      status: Type.String(),
      attempts: Type.Integer(),
      /** The mail server's answer to the last failed attempt. */
      lastError: Type.Union([Type.String(), Type.Null()]),
      createdAt: Type.String(),
      sentAt: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
export type OutboxPage = Static<typeof OutboxPage>;
