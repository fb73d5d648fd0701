import { createHmac, createSecretKey, randomBytes } from 'node:crypto';

/** Turns an id that may be a phone number or a user id into a keyed hash that is safe to log. */
export type IdHasher = (id: string) => string;

export function createIdHasher(key: string | undefined): IdHasher {
  // Imported once: a key given as text would be imported again for every id.
  const secret = createSecretKey(Buffer.from(key ?? randomBytes(32).toString('hex'), 'utf8'));
  return (id) => createHmac('sha256', secret).update(id).digest('hex').slice(0, 16);
}
