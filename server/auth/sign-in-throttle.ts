import { ApiFailure } from '../http/api-failure.ts';
import type { RequestCounter } from '../abuse/request-count-store.ts';

/**
 * Failed sign-ins allowed per account (by the address typed, known or not) in a window, whatever client addresses
 * they come from. Counted in the database: a restart, or another process, forgives nothing.
 */
export const signInFailures = { max: 10, windowMs: 15 * 60_000 };

const keyOf = (email: string) => `sign-in failures|${email.trim().toLowerCase()}`;

/** Runs the sign-in unless the account has failed too often lately; counts it when the password is refused. */
export async function throttledSignIn<T>(counter: RequestCounter, email: string, signIn: () => Promise<T>): Promise<T> {
  const key = keyOf(email);
  if (counter.peek(key, signInFailures.windowMs) >= signInFailures.max) throw new ApiFailure(429, 'password', 'accountThrottled');
  try {
    return await signIn();
  } catch (error) {
    if (error instanceof ApiFailure && error.statusCode === 401) counter.count(key, signInFailures.windowMs);
    throw error;
  }
}
