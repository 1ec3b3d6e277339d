import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { codePattern } from '../../shared/programme-schema.ts';
import { slugPattern } from '../../shared/congress-schema.ts';
import { latinNamePattern } from '../../shared/registration-schema.ts';
import { participantCodePattern, tablePrefixPattern } from '../../shared/consultation-schema.ts';

function createAjv(coerceTypes: boolean, allErrors = false): Ajv {
  const ajv = new Ajv({
    coerceTypes,
    // Extra fields are refused by name rather than silently dropped.
    removeAdditional: false,
    useDefaults: true,
    allErrors,
    // The value at fault comes with each error, so an empty choice reads "required" rather than "not valid".
    verbose: true,
    strict: false,
  });
  addFormats.default(ajv);
  return ajv;
}

// A body, like a spreadsheet row, is checked whole, so a person fixes every field of a form in one go.
const bodyAjv = createAjv(false, true);
const parameterAjv = createAjv(true);
const rowAjv = bodyAjv;

/** Checks a record against a schema and reports every field at fault, not only the first. */
export function compileWithAllErrors(schema: object): ValidateFunction {
  return rowAjv.compile(schema);
}

/** Bodies are checked strictly (a number is not a name); query strings and path parameters are text, so they are coerced. */
export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? bodyAjv : parameterAjv).compile(schema as object) as ValidateFunction;

export interface FieldProblem {
  field: string;
  messageKey: string;
  params: Record<string, unknown>;
}

function pathToField(instancePath: string): string {
  return instancePath
    .split('/')
    .filter(Boolean)
    .map((segment, index) => (/^\d+$/.test(segment) ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
    .join('');
}

/** What a person is told when a text does not have the form a pattern asks for. */
const patternMessages: Record<string, string> = {
  // The "not only spaces" rule of names: an empty answer, not a malformed one.
  '\\S': 'required',
  [latinNamePattern]: 'latinLetters',
  [codePattern]: 'codeFormat',
  [slugPattern]: 'slugFormat',
  [participantCodePattern]: 'participantCodeFormat',
  [tablePrefixPattern]: 'participantCodeFormat',
};

/** Names the field an AJV error is about and the locale key (in `errors`) that explains it. */
export function describeValidationError(error: ErrorObject): FieldProblem {
  const field = pathToField(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { field: field ? `${field}.${params.missingProperty}` : String(params.missingProperty), messageKey: 'required', params: {} };
    case 'additionalProperties':
      // Inside a text map (`title.de`) the map's own field is named, so the refusal lands beside it.
      return { field: field ? `${field}.${params.additionalProperty}` : String(params.additionalProperty), messageKey: 'unknownField', params: {} };
    case 'minProperties':
      // An empty change of the whole body, or an empty text map (a name in no language at all).
      return field ? { field, messageKey: 'required', params: {} } : { field: 'body', messageKey: 'noChanges', params: {} };
    case 'type':
      return { field: field || 'body', messageKey: 'type', params: { expected: params.type } };
    case 'maxLength':
      return { field, messageKey: 'tooLong', params: { max: params.limit } };
    case 'minLength':
      // Below a minimum of one the field was left empty; a longer minimum (a search) says how many are needed.
      return params.limit === 1 ? { field, messageKey: 'required', params: {} } : { field, messageKey: 'tooShort', params: { min: params.limit } };
    case 'minItems':
      return params.limit === 1 ? { field, messageKey: 'atLeastOne', params: {} } : { field, messageKey: 'atLeast', params: { min: params.limit } };
    case 'maxItems':
      return { field, messageKey: 'tooMany', params: { max: params.limit } };
    case 'uniqueItems':
      return { field, messageKey: 'duplicateItems', params: {} };
    case 'format':
      if (error.data === '') return { field, messageKey: 'required', params: {} };
      return { field, messageKey: params.format === 'email' ? 'email' : 'invalid', params: {} };
    case 'minimum':
    case 'maximum':
      return { field, messageKey: 'outOfRange', params: { limit: params.limit } };
    case 'pattern':
      // An empty choice (a country not picked) was left out, whatever form the value must take.
      if (error.data === '') return { field, messageKey: 'required', params: {} };
      return { field, messageKey: patternMessages[String(params.pattern)] ?? 'invalid', params: {} };
    default:
      return { field: field || 'body', messageKey: 'invalid', params: {} };
  }
}

/**
 * Every field at fault in a refused body, in the order the schema lists them, each once: its first (most telling)
 * problem, not the alternatives of a union or the union's own summary.
 */
export function describeValidationErrors(errors: readonly ErrorObject[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const problem = describeValidationError(error);
    if (!problems.some((known) => known.field === problem.field)) problems.push(problem);
  }
  return problems;
}
