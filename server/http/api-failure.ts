import { inReaderLanguage, type LocalizedText } from '../../shared/localized-text.ts';

/** A refusal the client can act on: an HTTP status, the field at fault and a translatable reason. */
export class ApiFailure extends Error {
  constructor(
    readonly statusCode: number,
    readonly field: string,
    readonly messageKey: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(`${field}: ${messageKey}`);
  }
}

/** A parameter of a refusal that organisers named per language (a tour, a session): read in the reader's language. */
export class LocalizedParam {
  constructor(readonly text: LocalizedText) {}
}

/** The parameters of a refusal as the reader's message shows them. */
export function readParams(params: Record<string, unknown>, language: string, congressLanguages: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, value instanceof LocalizedParam ? inReaderLanguage(value.text, language, congressLanguages) : value]));
}

/** A calendar date as a refusal's `date` parameter: midnight UTC, which the messages read back in UTC as a date. */
export const calendarDay = (date: string): Date => new Date(`${date}T00:00:00Z`);
