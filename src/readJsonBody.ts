import type { IncomingMessage } from 'node:http';
import { HttpError } from './httpError';
import { mediaTypeOf, readBoundedBody } from './readBoundedBody';

export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Reads a JSON request body in memory, refusing other content types before reading a byte, so
 * that an upload is never written anywhere, and bodies over the limit as soon as they pass it.
 */
export async function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  if (mediaTypeOf(req) !== 'application/json') {
    throw new HttpError(415, 'Send the activity as application/json.');
  }
  const body = await readBoundedBody(req, limit, 'The request body is too large.');
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.');
  }
}
