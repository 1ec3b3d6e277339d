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
