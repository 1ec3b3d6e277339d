import type { FastifyInstance } from 'fastify';
import { ApiFailure } from './api-failure.ts';

/**
 * Characters no text a person types needs: control characters other than tab and line breaks, half of a surrogate
 * pair (not a character at all), and the bidirectional overrides and isolates that make a name or a CSV cell read
 * otherwise than it is stored (U+202A–U+202E, U+2066–U+2069).
 */
const unwanted = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|\p{Cs}/u;

export const isCleanText = (text: string) => !unwanted.test(text);

/** `entries[2].title` from the path of keys down to a value. */
const fieldPath = (path: readonly (string | number)[]) =>
  path.reduce<string>((field, key) => (typeof key === 'number' ? `${field}[${key}]` : field ? `${field}.${key}` : key), '');

/** Every string in `value`, checked and put in NFC (one spelling of "é", of Hangul, …), in place; `path` names it. */
function cleanStrings(value: unknown, path: (string | number)[], root: string): unknown {
  if (typeof value === 'string') {
    if (!isCleanText(value)) throw new ApiFailure(400, fieldPath(path) || root, 'unwantedCharacters');
    return value.normalize('NFC');
  }
  // A file sent as the body (a spreadsheet to import) is read by its own parser, which checks its cells.
  if (ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = cleanStrings(value[i], [...path, i], root);
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!isCleanText(key)) throw new ApiFailure(400, fieldPath(path) || root, 'unwantedCharacters');
      record[key] = cleanStrings(record[key], [...path, key], root);
    }
  }
  return value;
}

/** Texts arriving in a body, a query or the address are refused when unclean and stored in NFC, before validation. */
export function installCleanText(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    request.body = cleanStrings(request.body, [], 'body');
    request.query = cleanStrings(request.query, [], 'query') as typeof request.query;
    request.params = cleanStrings(request.params, [], 'url') as typeof request.params;
  });
}
