/** The conversation state store did not answer in time; the turn fails rather than hang. */
export class StorageTimeoutError extends Error {
  override readonly name = 'StorageTimeoutError';

  constructor(readonly timeoutMs: number) {
    super(`The conversation state store did not answer within ${timeoutMs} ms`);
  }
}
