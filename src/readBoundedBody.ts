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
export function readBoundedBody(
  req: IncomingMessage,
  limit: number,
  tooLarge: string,
): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > limit) {
    return Promise.reject(new HttpError(413, tooLarge));
  }
  if (req.destroyed || req.readableEnded) {
    return Promise.reject(
      new Error('The request body was already read or the request was closed.'),
    );
  }
  // Plain stream events rather than an async iterator: this runs on every turn, and the
  // iterator's promise per chunk costs more than the body it reads.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.resume();
        reject(new HttpError(413, tooLarge));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (err: Error): void => {
      cleanup();
      reject(err);
    };
    // A request closed before its end, without an error (destroyed, or its client gone quietly).
    const onClose = (): void => onError(new Error('The request closed before its body ended.'));
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}
