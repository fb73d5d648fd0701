/** Fetching Web Chat's bundle failed; the message says which step, the cause says why. */
export class WebChatFetchError extends Error {
  override readonly name = 'WebChatFetchError';

  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
  }
}
