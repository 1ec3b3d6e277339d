import type { DelegateStatus } from '../../shared/delegate-status.ts';
import { ApiFailure } from '../http/api-failure.ts';

/**
 * Limited places (tour seats, sessions with a capacity) go to confirmed registrations; a pending one queues for them.
 * Any other is refused with a 409 that says why: on the registration's waiting list, or closed.
 */
export function refuseUnlessPlaceable(status: DelegateStatus, field: string): void {
  if (status === 'cancelled') throw new ApiFailure(409, field, 'cancelledNoPlaces');
  if (status === 'declined') throw new ApiFailure(409, field, 'declinedNoPlaces');
  if (status === 'waitlisted') throw new ApiFailure(409, field, 'placesForConfirmed');
}
