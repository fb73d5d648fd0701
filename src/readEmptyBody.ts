import type { IncomingMessage } from 'node:http';
import { HttpError } from './httpError';
import { mediaTypeOf, readBoundedBody } from './readBoundedBody';

const MAX_BYTES = 64;
const REFUSAL = 'Send no body, or an empty JSON object.';

function isEmptyObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return (
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      Object.keys(value).length === 0
    );
  } catch {
    return false;
  }
}

/**
 * Reads a request that must carry nothing: no body, as a browser's bare POST sends, or "{}".
 * Anything else is refused, so that no caller can believe it chooses a parameter, such as its
 * own user id.
 */
export async function readEmptyBody(req: IncomingMessage): Promise<void> {
  const body = await readBoundedBody(req, MAX_BYTES, REFUSAL);
  if (body.length === 0) return;
  if (mediaTypeOf(req) !== 'application/json') throw new HttpError(415, REFUSAL);
  if (!isEmptyObject(body.toString('utf8'))) throw new HttpError(400, REFUSAL);
}
