import path from 'node:path';
import type { Knowledge } from '../knowledge';
import { loadEvalSet } from './evalSet';
import { computeFigures, scoreItem, type Figures, type Scored } from './scoreEval';
import { createTurnRunner } from './turnRunner';

export const DEFAULT_SETS = [
  'dev',
  'dev2',
  'dev3',
  'dev4',
  'dev5',
  'dev6',
  'dev7',
  'dev8',
  'dev9',
  'dev10',
  'dev11',
  'dev12',
  'dev13',
  'dev14',
  'dev15',
  'heldout',
  'crisis',
  'crisis2',
  'crisis3',
  'crisis4',
  'crisis5',
  'crisis6',
  'crisis7',
  'crisis8',
  'crisis9',
  'crisis10',
  'crisis11',
  'crisis12',
  'crisis13',
  'crisis14',
  'crisis15',
  'crisis16',
  'crisis17',
  'crisis18',
  'crisis19',
  'crisis20',
  'crisis21',
  'crisis22',
  'crisis23',
  'crisis24',
  'crisis25',
  'crisis26',
  'crisis27',
  'crisis28',
  'crisis29',
  'crisis30',
  'crisis31',
  'crisis32',
  'crisis33',
  'crisis34',
  'crisis35',
  'crisis36',
  'crisis37',
  'crisis38',
  'crisis39',
  'crisis-heldout',
  'typos1',
  'typos2',
  'benign',
  'benign2',
  'benign3',
  'benign4',
  'benign5',
  'benign6',
  'benign7',
  'benign8',
  'benign9',
  'benign10',
  'benign11',
  'benign12',
  'benign13',
  'benign14',
  'benign15',
  'benign16',
  'benign17',
  'benign18',
  'benign19',
  'idioms1',
  'idioms2',
  'idioms3',
].map((name) => path.join('test', 'eval', `${name}.yaml`));

export interface SetResult {
  readonly name: string;
  readonly figures: Figures;
  readonly scored: readonly Scored[];
}

/** Runs each labelled set through the real bot, one new conversation per message. */
export async function runEval(
  knowledge: Knowledge,
  files: readonly string[],
): Promise<SetResult[]> {
  const ids = new Set(knowledge.byId.keys());
  const run = createTurnRunner(knowledge);
  const results: SetResult[] = [];
  for (const file of files) {
    const scored: Scored[] = [];
    for (const item of loadEvalSet(file, ids))
      scored.push(scoreItem(item, await run(item.q, item.channel)));
    results.push({ name: path.basename(file, '.yaml'), figures: computeFigures(scored), scored });
  }
  return results;
}

export type Percentages = Record<string, number>;

const share = (n: number, d: number): number | undefined =>
  d === 0 ? undefined : Math.round((1000 * n) / d) / 10;

/** The headline figures of one set, as percentages; higher is better for all but two. */
export function percentages(f: Figures): Percentages {
  const entries: [string, number | undefined][] = [
    ['answered', share(f.answeredRight, f.inScope)],
    ['resolved', share(f.resolved, f.inScope)],
    ['wrongAnswers', share(f.wrongAnswers, f.messages)],
    ['fallback', share(f.fallbackRight, f.outOfScope)],
    ['smallTalk', share(f.smallTalkRight, f.smallTalk)],
    ['crisisRecall', share(f.crisisCaught, f.crisis)],
    ['falseAlarms', share(f.falseAlarms, f.benign)],
  ];
  return Object.fromEntries(entries.filter((e): e is [string, number] => e[1] !== undefined));
}

export const LOWER_IS_BETTER = new Set(['wrongAnswers', 'falseAlarms']);
