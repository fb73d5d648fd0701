import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadKnowledge } from '../loadKnowledge';
import { riskFeatures } from '../riskWords';
import { foldForSafety } from '../safetyText';
import { loadEvalSet } from './evalSet';

/** The labelled sets the weights learn from. The held-out sets and crisis5 stay unseen. */
const LEARN_FROM = ['crisis', 'crisis2', 'crisis3', 'crisis4', 'benign', 'benign2', 'dev', 'dev2'];
/** A message adding up to this gets the crisis reply; from CONCERN_AT, the reminder line. */
const CRISIS_AT = 18;
const CONCERN_AT = 9;
/** Words seen fewer times than this, or weighing less than this either way, are left out. */
const MIN_SEEN = 2;
const MIN_WEIGHT = 0.5;

const HEADER = `# Risk words: the second reading of every message, after the phrases of safety.yaml.
#
# Each word (as its stem: "overdos", "tablet") and each pair of neighbouring words ("took_all")
# carries a weight: how much more often it appears in messages from people at risk than in
# ordinary ones. A message is read in runs of 20 neighbouring words, so that ordinary words around
# a risk can never dilute it and a long ordinary message can never add up to an alarm on length
# alone; no word or pair takes off more than 3. A message whose strongest run adds up to crisisAt or more
# gets the crisis reply, unless a crisis phrase or a phrase about past risk (a concern kind that
# starts with "past-") already decided; from concernAt, its question is answered with the crisis
# reminder line.
#
# The weights are learnt by \`npm run safety:words\` from the labelled messages in test/eval and
# the safety phrases' own examples, with the FAQ's questions and alternates as ordinary messages.
# To change what it catches, add labelled messages there and run it again; edits made here by
# hand are lost the next time it runs.
`;

interface Counts {
  messages: number;
  seen: Map<string, number>;
}

function count(texts: readonly string[], ignore: readonly RegExp[]): Counts {
  const seen = new Map<string, number>();
  for (const text of texts) {
    for (const feature of riskFeatures(foldForSafety(text, ignore)))
      seen.set(feature, (seen.get(feature) ?? 0) + 1);
  }
  return { messages: texts.length, seen };
}

function main(): void {
  const dir = process.env.KNOWLEDGE_DIR ?? 'knowledge';
  const knowledge = loadKnowledge(dir);
  const ids = new Set(knowledge.byId.keys());
  const items = LEARN_FROM.flatMap((name) =>
    loadEvalSet(path.join('test', 'eval', `${name}.yaml`), ids),
  );
  const phrases = parse(readFileSync(path.join(dir, 'safety.yaml'), 'utf8')) as Record<
    'crisis' | 'concern' | 'ignore',
    { examples?: string[] }[]
  >;
  const examples = (tier: 'crisis' | 'concern' | 'ignore') =>
    phrases[tier].flatMap((rule) => rule.examples ?? []);
  const atRisk = [
    ...items.filter((i) => i.expect === 'crisis').map((i) => i.q),
    ...examples('crisis'),
  ];
  const ordinary = [
    ...items.filter((i) => i.expect !== 'crisis').map((i) => i.q),
    ...knowledge.entries.flatMap((e) => [e.question, ...e.alternates]),
    ...knowledge.notCovered,
    ...examples('concern'),
    ...examples('ignore'),
  ];
  const risk = count(atRisk, knowledge.safety.ignore);
  const safe = count(ordinary, knowledge.safety.ignore);
  const byWeight = new Map<number, string[]>();
  for (const feature of new Set([...risk.seen.keys(), ...safe.seen.keys()])) {
    const r = risk.seen.get(feature) ?? 0;
    const s = safe.seen.get(feature) ?? 0;
    if (r + s < MIN_SEEN) continue;
    const weight = Math.log((r + 1) / (risk.messages + 2) / ((s + 1) / (safe.messages + 2)));
    if (Math.abs(weight) < MIN_WEIGHT) continue;
    const rounded = Math.round(weight * 10) / 10;
    byWeight.set(rounded, [...(byWeight.get(rounded) ?? []), feature]);
  }
  const lines = [...byWeight]
    .sort(([a], [b]) => b - a)
    .map(
      ([weight, words]) => `  "${weight.toFixed(1)}": ${JSON.stringify(words.sort().join(' '))}`,
    );
  const file = path.join(dir, 'risk-words.yaml');
  writeFileSync(
    file,
    `${HEADER}crisisAt: ${CRISIS_AT}\nconcernAt: ${CONCERN_AT}\nweights:\n${lines.join('\n')}\n`,
  );
  const words = [...byWeight.values()].reduce((n, list) => n + list.length, 0);
  process.stdout.write(
    `${file}: ${words} words and pairs, from ${atRisk.length} messages at risk and ${ordinary.length} ordinary ones\n`,
  );
}

main();
