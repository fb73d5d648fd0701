import path from 'node:path';
import { loadEvalSet, type EvalItem } from './evalSet';
import { toActivity } from './turnRunner';

/** The labelled sets people's questions come from: in scope, out of scope and small talk. */
export const MIX_SETS = ['dev', 'heldout'].map((name) => path.join('test', 'eval', `${name}.yaml`));

export interface LoadMix {
  readonly items: readonly EvalItem[];
  readonly conversations: number;
  /** The next request body: the next question, in the next conversation, round-robin. */
  nextBody(): string;
}

/** A fixed-seed shuffle, so that every run and both servers see the same order. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  const random = (): number => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * The eval questions as a stream of expectReplies messages over many conversations. The sets keep
 * their own shares of out-of-scope and small talk, which is roughly what the bot gets in use.
 */
export function createLoadMix(
  knownIds: ReadonlySet<string>,
  conversations: number,
  files: readonly string[] = MIX_SETS,
): LoadMix {
  const items = shuffled(
    files.flatMap((file) => loadEvalSet(file, knownIds)),
    42,
  );
  let turn = 0;
  return {
    items,
    conversations,
    nextBody: () => {
      const item = items[turn % items.length] as EvalItem;
      const conversation = `bench-${turn % conversations}`;
      turn += 1;
      return JSON.stringify({
        ...toActivity(item.q, item.channel, conversation),
        deliveryMode: 'expectReplies',
        serviceUrl: 'http://127.0.0.1:1',
      });
    },
  };
}

/** The mix's make-up, by label: in scope, fallback, small talk. */
export function describeMix(items: readonly EvalItem[]): string {
  const count = (test: (item: EvalItem) => boolean): number => items.filter(test).length;
  const inScope = count((item) => typeof item.expect !== 'string');
  const fallback = count((item) => item.expect === 'fallback');
  const smallTalk = count((item) => item.expect === 'smalltalk');
  const teams = count((item) => item.channel === 'msteams');
  return `${items.length} eval questions: ${inScope} in scope, ${fallback} out of scope, ${smallTalk} small talk; ${teams} on Teams, the rest on Web Chat`;
}
