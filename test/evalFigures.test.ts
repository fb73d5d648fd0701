import { readFileSync } from 'node:fs';
import { loadKnowledge } from '../src/loadKnowledge';
import {
  DEFAULT_SETS,
  LOWER_IS_BETTER,
  percentages,
  runEval,
  type Percentages,
} from '../src/tools/runEval';

const ALLOWED_DROP = 3;
const baseline = JSON.parse(readFileSync('test/eval/baseline.json', 'utf8')) as Record<
  string,
  Percentages
>;

describe('the eval figures', () => {
  let measured: Record<string, Percentages>;
  beforeAll(async () => {
    const results = await runEval(loadKnowledge('knowledge'), DEFAULT_SETS);
    measured = Object.fromEntries(results.map((r) => [r.name, percentages(r.figures)]));
  }, 120_000);

  it('cover every set recorded in test/eval/baseline.json', () => {
    expect(Object.keys(measured).sort()).toEqual(Object.keys(baseline).sort());
  });

  it.each(
    Object.entries(baseline).flatMap(([set, figures]) =>
      Object.entries(figures).map(([name, value]) => [set, name, value] as const),
    ),
  )('keep %s %s within 3 points of the recorded %d%%', (set, name, recorded) => {
    const now = measured[set]?.[name];
    expect(now).toBeDefined();
    if (LOWER_IS_BETTER.has(name)) expect(now).toBeLessThanOrEqual(recorded + ALLOWED_DROP);
    else expect(now).toBeGreaterThanOrEqual(recorded - ALLOWED_DROP);
  });
});
