import type { IncomingMessage } from 'node:http';
import { HttpError } from './httpError';

/** The request's media type, lowercase, without parameters. */
export function mediaTypeOf(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * Reads a request body into memory, refusing it with a 413 as soon as it passes `limit`, or at
 * once when its declared length does.
 */
export async function readBoundedBody(
  req: IncomingMessage,
  limit: number,
  tooLarge: string,
): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > limit) throw new HttpError(413, tooLarge);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, tooLarge);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
