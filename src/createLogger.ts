import pino, { type DestinationStream, type Logger } from 'pino';
import { serializeError } from './serializeError';

/**
 * The one root logger. Callers log fixed messages with fields chosen from an allow-list; the
 * words a person typed are never passed to it.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'group-therapy-faq-bot' },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: serializeError },
    },
    destination ?? pino.destination(1),
  );
}
