/** Where a registration stands; `pending` and `confirmed` hold a place in the category. */
export const delegateStatuses = ['confirmed', 'pending', 'waitlisted', 'declined', 'cancelled'] as const;
export type DelegateStatus = (typeof delegateStatuses)[number];
export const placeHoldingStatuses: readonly DelegateStatus[] = ['confirmed', 'pending'];
