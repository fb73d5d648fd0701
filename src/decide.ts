import type { ClinicalCheck } from './clinicalCheck';
import type { MatchDecision } from './decideMatch';
import type { Matcher } from './matcher';
import { detectSmallTalk, type SmallTalkKind } from './smallTalk';

export type Decision =
  | { readonly outcome: 'smalltalk'; readonly kind: SmallTalkKind }
  | { readonly outcome: 'clinical' }
  | MatchDecision;

export type Decider = (text: string) => Decision;

/** The one decision path the bot, `npm run ask` and `npm run eval` all share. */
export function createDecider(matcher: Matcher, isClinical: ClinicalCheck): Decider {
  return (text) => {
    const kind = detectSmallTalk(text);
    if (kind) return { outcome: 'smalltalk', kind };
    if (isClinical(text)) return { outcome: 'clinical' };
    return matcher(text);
  };
}
