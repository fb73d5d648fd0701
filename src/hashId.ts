import { createHmac, randomBytes } from 'node:crypto';

/** Turns an id that may be a phone number or a user id into a keyed hash that is safe to log. */
export type IdHasher = (id: string) => string;

export function createIdHasher(key: string | undefined): IdHasher {
  const secret = key ?? randomBytes(32).toString('hex');
  return (id) => createHmac('sha256', secret).update(id).digest('hex').slice(0, 16);
}
