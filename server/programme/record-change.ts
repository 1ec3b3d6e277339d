import { ApiFailure } from '../http/api-failure.ts';

/** A programme record to add (`create`) or correct (`patch`), as the editing routes hand it to its save. */
export type Change<Create, Patch> = { create: Create } | { patch: Patch };

/**
 * The body of `change`, once it fits what is stored under `code`: adding a code already in use is 409,
 * correcting a record that does not exist is 404 (named `field`).
 */
export function changeBody<Create, Patch>(change: Change<Create, Patch>, existing: object | undefined, code: string, field: string): Create | Patch {
  if ('create' in change) {
    if (existing) throw new ApiFailure(409, 'code', 'codeTaken', { code });
    return change.create;
  }
  if (!existing) throw new ApiFailure(404, field, 'notFound');
  return change.patch;
}
