/**
 * Whether replies to the channel are getting through. Incoming requests keep passing
 * authentication when the app secret has expired while every reply fails, so the bot goes
 * silent; /healthz says so.
 */
export interface ReplyHealth {
  succeeded(): void;
  failed(): void;
  readonly failing: boolean;
}

export function createReplyHealth(): ReplyHealth {
  let failing = false;
  return {
    succeeded: () => (failing = false),
    failed: () => (failing = true),
    get failing() {
      return failing;
    },
  };
}
