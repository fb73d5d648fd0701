import type { Matcher, MatchDecision } from './matcher';
import { detectSmallTalk, type SmallTalkKind } from './smallTalk';

export type Decision =
  { readonly outcome: 'smalltalk'; readonly kind: SmallTalkKind } | MatchDecision;

export type Decider = (text: string) => Decision;

/** The one decision path the bot, `npm run ask` and `npm run eval` all share. */
export function createDecider(matcher: Matcher): Decider {
  return (text) => {
    const kind = detectSmallTalk(text);
    return kind ? { outcome: 'smalltalk', kind } : matcher(text);
  };
}
