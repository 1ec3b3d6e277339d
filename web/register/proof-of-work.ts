import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/sha';
import { api, ApiRequestError } from '../app/api.ts';

/** Whether the server asks this registration to prove some work first (many came from the same network). */
export const asksForProofOfWork = (error: unknown) => error instanceof ApiRequestError && error.status === 400 && error.field === 'challenge';

/** Fetches a challenge, solves it in the browser and returns it as the form's `challenge` field. */
export async function solveRegistrationChallenge(): Promise<string> {
  const challenge = await api<Challenge>('/api/registrations/challenge');
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('proof of work timed out');
  return btoa(JSON.stringify({ challenge, solution }));
}
