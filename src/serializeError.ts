/** Errors of ours, whose messages name only files, keys and lines, never what a person sent. */
const OWN_ERRORS = new Set(['KnowledgeError', 'ConfigError', 'HttpError', 'WebChatFetchError']);

/**
 * What a log line keeps of an error. Library errors can carry the failed request (its URL holds
 * the conversation id, its body the recipient, which on SMS is a phone number), so only the
 * error's kind, code, status and stack frames are kept; its message only when it is ours.
 */
export function serializeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err };
  const { code, statusCode } = err as Error & { code?: unknown; statusCode?: unknown };
  const frames = (err.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return {
    type: err.name,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(typeof statusCode === 'number' ? { statusCode } : {}),
    ...(OWN_ERRORS.has(err.name) ? { message: err.message } : {}),
    stack: frames.join('\n'),
  };
}
