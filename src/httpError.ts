/** An HTTP failure whose status and short message are safe to show to any caller. */
export class HttpError extends Error {
  override readonly name = 'HttpError';

  constructor(
    readonly status: number,
    readonly publicMessage: string,
    /** Headers the answer carries, such as Retry-After. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(`${status} ${publicMessage}`);
  }
}
