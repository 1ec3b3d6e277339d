import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { minPasswordLength } from '../../shared/team-schema.ts';
import { ApiFailure } from '../http/api-failure.ts';

/** zxcvbn's scale: 3 is about 10⁸ guesses, out of reach of guessing through a sign-in form that throttles. */
const minimumScore = 3;

let estimator: ZxcvbnFactory | undefined;
// Built on first use: its dictionaries take a moment to load, and most starts never set a password.
const strength = () =>
  (estimator ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary, ...english.dictionary }, graphs: common.adjacencyGraphs, translations: english.translations }));

/** Why a new password is refused (too short, or easy to guess given the person's own address and name), or null. */
export function passwordWeakness(password: string, personal: readonly string[] = []): { messageKey: string; params: Record<string, number> } | null {
  if ([...password].length < minPasswordLength) return { messageKey: 'tooShort', params: { min: minPasswordLength } };
  const words = personal.flatMap((text) => [text.toLowerCase(), ...text.toLowerCase().split(/[^\p{L}\p{N}]+/u)]).filter((word) => word.length > 2);
  if (strength().check(password, words).score < minimumScore) return { messageKey: 'weakPassword', params: {} };
  return null;
}

/** Refuses a weak new password with 422 naming `field`. */
export function assertStrongPassword(field: string, password: string, personal: readonly string[] = []): void {
  const weakness = passwordWeakness(password, personal);
  if (weakness) throw new ApiFailure(422, field, weakness.messageKey, weakness.params);
}
