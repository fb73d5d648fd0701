import type { IncomingMessage } from 'node:http';
import { HttpError } from './httpError';

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
  if (Number(req.headers['content-length'] ?? 0) > MAX_BYTES) throw new HttpError(413, REFUSAL);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BYTES) throw new HttpError(413, REFUSAL);
    chunks.push(chunk);
  }
  if (size === 0) return;
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') throw new HttpError(415, REFUSAL);
  if (!isEmptyObject(Buffer.concat(chunks).toString('utf8'))) throw new HttpError(400, REFUSAL);
}
