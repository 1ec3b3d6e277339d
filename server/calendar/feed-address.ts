import { calendarFeedKey } from '../auth/tokens.ts';

/** The secret address of a delegate's personal calendar feed (a path; calendar apps subscribe to it without signing in). */
export const personalFeedPath = (delegateId: number, tokenHash: string) => `/api/calendar/${delegateId}/${calendarFeedKey(tokenHash)}.ics`;
