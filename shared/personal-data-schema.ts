import { LocalizedText } from './localized-text.ts';
import { Type, type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

/** Everything stored about a delegate, as they may ask to see it (Korea's PIPA and the GDPR give them that right). */
export const PersonalDataExport = Type.Object({
  exportedAt: Type.String(),
  /** The registration as stored: names, address, country, category, free texts, status, language, times. */
  registration: Type.Record(Type.String(), Type.Unknown()),
  tourChoices: Type.Array(Type.Object({ tour: Type.String(), rank: Type.Integer(), submittedAt: Type.String() })),
  tourSeat: Nullable(Type.Object({ tour: Type.String(), bus: LocalizedText, rank: Nullable(Type.Integer()), boardedAt: Nullable(Type.String()) })),
  tourWaitingLists: Type.Array(Type.Object({ tour: Type.String(), joinedAt: Type.String() })),
  agenda: Type.Array(Type.Object({ session: Type.String(), status: Type.String(), addedAt: Type.String() })),
  /** A visa letter request with the passport data it gave, and the decision. */
  visaLetter: Nullable(Type.Record(Type.String(), Type.Unknown())),
  checkIn: Nullable(Type.Object({ at: Type.String(), desk: Type.String() })),
  /** The buyer or supplier the delegate speaks for at the export consultation. */
  speaksFor: Nullable(Type.Object({ code: Type.String(), company: Type.String() })),
  messages: Type.Array(Type.Object({ kind: Type.String(), to: Type.String(), subject: Type.String(), status: Type.String(), createdAt: Type.String(), sentAt: Nullable(Type.String()) })),
  /** What was done to the registration and when (the history's actions, without other people's data). */
  history: Type.Array(Type.Object({ at: Type.String(), action: Type.String() })),
});
export type PersonalDataExport = Static<typeof PersonalDataExport>;

export const MeDeleteQuery = Type.Object({ erase: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
export type MeDeleteQuery = Static<typeof MeDeleteQuery>;
