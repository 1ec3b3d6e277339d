import { Type, type Static } from 'typebox';

/** The content type of an Excel workbook (.xlsx). */
export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What an organiser can bring in from a spreadsheet. */
export const importKinds = ['delegates', 'consultation-participants', 'interpreters', 'meetings'] as const;
export type ImportKind = (typeof importKinds)[number];

export const ImportParams = Type.Object({ kind: Type.Union(importKinds.map((kind) => Type.Literal(kind))) });
export type ImportParams = Static<typeof ImportParams>;

export const ImportQuery = Type.Object(
  { dryRun: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('0'), Type.Literal('true'), Type.Literal('false')])) },
  { additionalProperties: false },
);
export type ImportQuery = Static<typeof ImportQuery>;

export const ImportError = Type.Object({
  /** The row as the spreadsheet shows it; the header is row 1. */
  row: Type.Integer(),
  /** The column's header as the file spells it (or its name in the reader's language when the file lacks it). */
  column: Type.String(),
  /** The column's key, whatever language the header was in. */
  field: Type.String(),
  message: Type.String(),
});
export type ImportError = Static<typeof ImportError>;

export const ImportResult = Type.Object({
  rows: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  errors: Type.Array(ImportError),
  /** Errors found beyond those listed. */
  moreErrors: Type.Integer(),
  dryRun: Type.Boolean(),
});
export type ImportResult = Static<typeof ImportResult>;

/** Longest list of errors an answer carries; the rest are counted. */
export const listedImportErrors = 1000;
