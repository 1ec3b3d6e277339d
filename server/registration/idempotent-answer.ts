import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import type { RegistrationCreated } from '../../shared/registration-schema.ts';

/**
 * The first answer to a registration sent with an `Idempotency-Key` is kept so that a retry gets the same one. It
 * holds the delegate's personal token, so neither the token nor the key that unlocks it is stored as such: the row is
 * found by the key's hash, and the token is sealed (AES-256-GCM) with a key derived from the Idempotency-Key, which
 * only the client that sent it holds. A copy of the database alone opens no one's registration.
 */
export const storedIdempotencyKey = (key: string) => createHash('sha256').update(`idempotency|${key}`).digest('base64url');

const sealingKey = (key: string) => Buffer.from(hkdfSync('sha256', key, 'congress registration answer', 'personal token', 32));

export function sealAnswer(key: string, answer: RegistrationCreated): RegistrationCreated {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(key), iv);
  const sealed = Buffer.concat([cipher.update(answer.token, 'utf8'), cipher.final()]);
  return { ...answer, token: [iv, sealed, cipher.getAuthTag()].map((part) => part.toString('base64url')).join('.') };
}

export function openAnswer(key: string, stored: RegistrationCreated): RegistrationCreated {
  const [iv, sealed, tag] = stored.token.split('.').map((part) => Buffer.from(part, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(key), iv!);
  decipher.setAuthTag(tag!);
  return { ...stored, token: Buffer.concat([decipher.update(sealed!), decipher.final()]).toString('utf8') };
}
