import type { IncomingMessage } from 'node:http';
import { HttpError } from './httpError';

export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Reads a JSON request body in memory, refusing other content types before reading a byte, so
 * that an upload is never written anywhere, and bodies over the limit as soon as they pass it.
 */
export async function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json')
    throw new HttpError(415, 'Send the activity as application/json.');
  if (Number(req.headers['content-length'] ?? 0) > limit)
    throw new HttpError(413, 'The request body is too large.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, 'The request body is too large.');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.');
  }
}
