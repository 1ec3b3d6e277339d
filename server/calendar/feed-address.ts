import { calendarFeedKey } from '../auth/tokens.ts';

/**
 * The secret address of a delegate's personal calendar feed (a path; calendar apps subscribe to it without signing in).
 * It names the delegate's edition, so it works whichever edition the installation serves by default.
 */
export const personalFeedPath = (congressSlug: string, delegateId: number, tokenHash: string) =>
  `/api/c/${congressSlug}/calendar/${delegateId}/${calendarFeedKey(tokenHash)}.ics`;
