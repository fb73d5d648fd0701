import type { Replies } from './composeReplies';
import type { Decider, Decision } from './decide';
import type { Reply } from './reply';

export type Responder = (text: string) => Reply;

/** Turns a person's question into the bot's reply, through the shared decision path. */
export function createResponder(decide: Decider, replies: Replies): Responder {
  const reply = (decision: Decision): Reply => {
    switch (decision.outcome) {
      case 'smalltalk':
        return replies.smallTalk(decision.kind);
      case 'answer':
        return replies.answer(decision.entryId, decision.score);
      case 'clarify':
        return replies.clarify(decision.entryIds, decision.score);
      case 'fallback':
        return replies.fallback(decision.score);
      case 'clinical':
        return replies.clinical();
    }
  };
  return (text) => {
    const decision = decide(text);
    return { ...reply(decision), decision };
  };
}
