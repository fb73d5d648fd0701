import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';

export interface LogSink {
  readonly logger: Logger;
  /** Every line written, parsed. */
  readonly lines: Record<string, unknown>[];
  /** Everything written, as raw text. */
  text(): string;
}

/** A real pino logger writing into memory, as pino's own tests do. */
export function createLogSink(level = 'trace'): LogSink {
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = pino({ level }, stream);
  return {
    logger,
    get lines() {
      return raw
        .join('')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    },
    text: () => raw.join(''),
  };
}
