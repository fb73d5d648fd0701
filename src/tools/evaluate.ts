import path from 'node:path';
import { loadKnowledge } from '../loadKnowledge';
import { loadEvalSet } from './evalSet';
import { computeFigures, scoreItem, wilson, type Figures, type Scored } from './scoreEval';
import { createTurnRunner } from './turnRunner';

const DEFAULT_SETS = ['dev', 'heldout', 'crisis', 'crisis-heldout', 'benign'];

const pct = (n: number, d: number): string =>
  d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`;

function report(name: string, f: Figures): string[] {
  const [lo, hi] = wilson(f.crisisCaught, f.crisis);
  return [
    `== ${name} (${f.messages} messages)`,
    `  in-scope answered with the right entry   ${pct(f.answeredRight, f.inScope)}  (${f.answeredRight}/${f.inScope})`,
    `  in-scope resolved (answer or right choice) ${pct(f.resolved, f.inScope)}  (${f.resolved}/${f.inScope})`,
    `  wrong answers, share of all messages     ${pct(f.wrongAnswers, f.messages)}  (${f.wrongAnswers}/${f.messages})`,
    `  out-of-scope that got the fallback       ${pct(f.fallbackRight, f.outOfScope)}  (${f.fallbackRight}/${f.outOfScope})`,
    `  small talk handled as small talk         ${pct(f.smallTalkRight, f.smallTalk)}  (${f.smallTalkRight}/${f.smallTalk})`,
    `  crisis recall                            ${pct(f.crisisCaught, f.crisis)}  (${f.crisisCaught}/${f.crisis}; 95% CI ${(lo * 100).toFixed(1)}–${(hi * 100).toFixed(1)}%)`,
    `  false alarms on benign messages          ${pct(f.falseAlarms, f.benign)}  (${f.falseAlarms}/${f.benign})`,
  ];
}

function mistakes(scored: readonly Scored[]): string[] {
  const rows = scored
    .filter((s) => s.verdict === 'wrong' || s.verdict === 'missed')
    .map((s) => {
      const expected = typeof s.item.expect === 'string' ? s.item.expect : s.item.expect.join('|');
      return `  ${expected.padEnd(22)} → ${s.got.padEnd(40)} ${JSON.stringify(s.item.q.slice(0, 90))}`;
    })
    .sort();
  return rows.length > 0 ? ['  what went wrong (expected → got):', ...rows] : [];
}

async function main(): Promise<void> {
  const knowledge = loadKnowledge(process.env.KNOWLEDGE_DIR ?? 'knowledge');
  const ids = new Set(knowledge.byId.keys());
  const files = process.argv.slice(2);
  const sets =
    files.length > 0 ? files : DEFAULT_SETS.map((s) => path.join('test', 'eval', `${s}.yaml`));
  const run = createTurnRunner(knowledge);
  const all: Scored[] = [];
  const lines: string[] = [];
  for (const file of sets) {
    const scored: Scored[] = [];
    for (const item of loadEvalSet(file, ids))
      scored.push(scoreItem(item, await run(item.q, item.channel)));
    all.push(...scored);
    lines.push(...report(path.basename(file), computeFigures(scored)), ...mistakes(scored), '');
  }
  if (sets.length > 1) lines.push(...report('all sets', computeFigures(all)));
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
