export interface DirectLineErrorDetails {
  /** Direct Line's HTTP status, when it answered at all. */
  readonly status?: number;
  /** It did not answer within the time allowed. */
  readonly timedOut?: boolean;
  readonly cause?: unknown;
}

/** Direct Line issued no token: it refused, answered nonsense, could not be reached or timed out. */
export class DirectLineError extends Error {
  override readonly name = 'DirectLineError';
  readonly status: number | undefined;
  readonly timedOut: boolean;

  constructor(message: string, details: DirectLineErrorDetails = {}) {
    super(message, { cause: details.cause });
    this.status = details.status;
    this.timedOut = details.timedOut ?? false;
  }
}
