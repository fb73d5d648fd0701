import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadKnowledge } from '../loadKnowledge';
import { DEFAULT_SETS, percentages, runEval } from './runEval';
import { computeFigures, wilson, type Figures, type Scored } from './scoreEval';

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

const BASELINE = path.join('test', 'eval', 'baseline.json');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const record = args.includes('--record');
  const files = args.filter((a) => !a.startsWith('--'));
  const knowledge = loadKnowledge(process.env.KNOWLEDGE_DIR ?? 'knowledge');
  const results = await runEval(knowledge, files.length > 0 ? files : DEFAULT_SETS);
  const lines: string[] = [];
  for (const { name, figures, scored } of results)
    lines.push(...report(name, figures), ...mistakes(scored), '');
  if (results.length > 1) {
    lines.push(...report('all sets', computeFigures(results.flatMap((r) => r.scored))));
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  if (record) {
    const baseline = Object.fromEntries(results.map((r) => [r.name, percentages(r.figures)]));
    writeFileSync(BASELINE, `${JSON.stringify(baseline, null, 2)}\n`);
    process.stdout.write(`recorded these figures in ${BASELINE}\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
