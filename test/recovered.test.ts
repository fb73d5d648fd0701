import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadKnowledge } from '../src/loadKnowledge';
import { createSafetyCheck, RECOVERED_KIND } from '../src/safetyCheck';
import { DEFAULT_SETS } from '../src/tools/runEval';
import { editedKnowledge, loadError } from './helpers/editedKnowledge';

const file = parse(readFileSync('knowledge/safety.yaml', 'utf8')) as {
  recovered: { examples: string[]; notRecovered: string[] };
};
const check = createSafetyCheck(loadKnowledge('knowledge').safety);

describe('risk told as over', () => {
  it.each(file.recovered.examples)('answers with the reminder line: "%s"', (text) => {
    expect(check(text)).toEqual({ level: 'concern', kind: RECOVERED_KIND });
  });

  it.each(file.recovered.notRecovered)('still gives the crisis reply: "%s"', (text) => {
    expect(check(text).level).toBe('crisis');
  });

  it('never takes the crisis reply from a labelled crisis message', () => {
    // Every labelled set but the frozen held-out one, so that a new crisis set is read here too.
    const crises = DEFAULT_SETS.filter((file) => !file.includes('heldout')).flatMap((file) =>
      (parse(readFileSync(file, 'utf8')) as { q: string; expect: string }[])
        .filter((item) => item.expect === 'crisis')
        .map((item) => item.q),
    );
    expect(crises.length).toBeGreaterThan(1400);
    const recovered = (q: string) => {
      const risk = check(q);
      return risk.level !== 'none' && risk.kind === RECOVERED_KIND;
    };
    expect(crises.filter(recovered)).toEqual([]);
  });

  it('stops start-up when a pattern is missing, naming the line', () => {
    const dir = editedKnowledge('knowledge', 'safety.yaml', (text) =>
      text.replace(/^ {2}now: .*\n/m, ''),
    );
    const err = loadError(dir);
    expect(err.message).toMatch(/"recovered\.now" needs a "pattern"/);
    const edited = readFileSync(`${dir}/safety.yaml`, 'utf8').split('\n');
    expect(err.line).toBe(edited.findIndex((line) => line.startsWith('  past:')) + 1);
  });
});
