import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadKnowledge } from '../loadKnowledge';
import { riskFeatures } from '../riskWords';
import { foldForSafety, normalizeForSafety } from '../safetyText';
import type { SafetyRule } from '../safetyCheck';
import { examplesOf } from '../safetyExamples';
import { createRespeller, TWO_SLIPS_FROM, type Respeller } from '../safetySpelling';
import { lettersDropped } from '../slips';
import { stem } from '../tokens';
import { loadEvalSet } from './evalSet';

/** The labelled sets the weights learn from. The held-out sets, the checks (crisis5, crisis8, crisis11, crisis15, crisis16, crisis19, crisis22, crisis23, crisis30, crisis32, crisis33, crisis37 to crisis39, typos2, benign4, benign6, benign7, benign9, benign10, benign13, benign14, benign19, idioms3), crisis20, crisis21, crisis24 to crisis29, crisis31, crisis34 to crisis36, benign12, benign15 to benign18, idioms1 and idioms2 stay unseen. */
const LEARN_FROM = [
  'crisis',
  'crisis2',
  'crisis3',
  'crisis4',
  'crisis6',
  'crisis7',
  'crisis9',
  'crisis10',
  'crisis12',
  'crisis13',
  'crisis14',
  'crisis17',
  'crisis18',
  'typos1',
  'benign',
  'benign2',
  'benign3',
  'benign5',
  'benign8',
  'benign11',
  'dev',
  'dev2',
];
/** A message adding up to this gets the crisis reply; from CONCERN_AT, the reminder line. */
const CRISIS_AT = 12;
const CONCERN_AT = 6;
/**
 * A message of n words gets the crisis reply from CRISIS_FROM + CRISIS_PER_WORD * n where that is
 * lower: from 8.5 for five words, 10 for ten, and CRISIS_AT from seventeen words on. Chosen on the sets
 * the words learn from and the other tuning sets, where it caught more risk than any single
 * threshold at the same false alarms.
 */
const CRISIS_FROM = 7;
const CRISIS_PER_WORD = 0.3;
/**
 * The reminder line, likewise, from CONCERN_FROM + CONCERN_PER_WORD * n where that is lower than
 * CONCERN_AT: 4 for five words, 5 for ten, CONCERN_AT from fifteen words on. On the tuning sets it
 * left a third fewer messages at risk with neither reply, for the reminder on 0.4 points more
 * ordinary messages and 0.7 points more FAQ questions.
 */
const CONCERN_FROM = 3;
const CONCERN_PER_WORD = 0.2;
/** Words seen fewer times than this, or weighing less than this either way, are left out. */
const MIN_SEEN = 2;
const MIN_WEIGHT = 0.8;
/** A misspelling is read only as a word that weighs at least this much towards risk. */
const RISK_WORD_WEIGHT = 1;

const HEADER = `# Risk words: the second reading of every message, after the phrases of safety.yaml.
#
# Each word (as its stem: "overdos", "tablet") and each pair of neighbouring words ("took_all")
# carries a weight: how much more often it appears in messages from people at risk than in
# ordinary ones. A message is read in runs of 20 neighbouring words, so that ordinary words around
# a risk can never dilute it and a long ordinary message can never add up to an alarm on length
# alone; a word or pair counts once in a run, however often it recurs, and none takes off more
# than 3. A message whose strongest run adds up to crisisAt or more gets the crisis reply, and so
# does a short one from less: a message of n words from crisisFrom + crisisPerWord x n, when that
# is lower, for a few words that add up to that much are little else but risk. A crisis phrase or
# a phrase about past risk (a concern kind that starts with "past-") decides first; from
# concernAt (or concernFrom + concernPerWord x n, when lower), the question is answered with the
# crisis reminder line.
#
# The weights are learnt by \`npm run safety:words\` from the labelled messages in test/eval and
# the safety phrases' own examples, with the FAQ's questions, alternates and answers as ordinary messages.
# To change what it catches, add labelled messages there and run it again; edits made here by
# hand are lost the next time it runs.
`;

const SPELLING_HEADER = `
# How misspelt risk words are read. "known" lists the words of ordinary messages, those of
# messages at risk seen more than once, and the English words close to a risk word; "risk" lists
# the words of messages whose stem weighs 1 or more, and the words of the safety phrases, strongest
# first. A word of four letters or more that is not known is read as the risk word it
# is one slip from ("husbnd" as "husband"), or two for words of ${TWO_SLIPS_FROM} letters or more that start
# with the same letter; of two equally close, the earlier. The short and sound-alike forms
# ("tuk", "gona") are listed under "spellings" in safety.yaml.
`;

interface Counts {
  messages: number;
  seen: Map<string, number>;
}

function count(texts: readonly string[], ignore: readonly RegExp[], respell?: Respeller): Counts {
  const seen = new Map<string, number>();
  for (const text of texts) {
    for (const feature of riskFeatures(foldForSafety(text, ignore, respell)))
      seen.set(feature, (seen.get(feature) ?? 0) + 1);
  }
  return { messages: texts.length, seen };
}

/** Each feature's weight: how much more often it is seen at risk than in ordinary messages. */
function weigh(risk: Counts, safe: Counts): Map<string, number> {
  const weights = new Map<string, number>();
  for (const feature of new Set([...risk.seen.keys(), ...safe.seen.keys()])) {
    const r = risk.seen.get(feature) ?? 0;
    const s = safe.seen.get(feature) ?? 0;
    if (r + s < MIN_SEEN) continue;
    const weight = Math.log((r + 1) / (risk.messages + 2) / ((s + 1) / (safe.messages + 2)));
    if (Math.abs(weight) >= MIN_WEIGHT) weights.set(feature, Math.round(weight * 10) / 10);
  }
  return weights;
}

/** The words of texts as the safety check reads them, with how often each is seen. */
function wordsOf(texts: readonly string[]): Map<string, number> {
  const seen = new Map<string, number>();
  for (const text of texts) {
    for (const word of normalizeForSafety(text).split(' ')) {
      if (/^\p{Ll}{2,}$/u.test(word)) seen.set(word, (seen.get(word) ?? 0) + 1);
    }
  }
  return seen;
}

/**
 * The words the check knows: those of ordinary messages, those of messages at risk seen more than
 * once (a one-off misspelling is not known), and every English word within reach of a risk word,
 * so that "kicking" is never read as "killing". The risk words a slip is read as are the known
 * words of messages whose stem weighs at least RISK_WORD_WEIGHT, strongest first.
 */
function spellingOf(
  atRisk: readonly string[],
  ordinary: readonly string[],
  weights: ReadonlyMap<string, number>,
  english: readonly string[],
  rules: readonly SafetyRule[],
): { known: string[]; risk: string[] } {
  const plain = wordsOf(ordinary);
  const repeated = [...wordsOf(atRisk)].filter(([, n]) => n > 1).map(([word]) => word);
  const seen = new Set([...plain.keys(), ...repeated]);
  const dictionary = new Set(english);
  const weightOf = (word: string) => weights.get(stem(word)) ?? 0;
  const risk = [
    ...new Set([
      ...[...seen].filter((word) => weightOf(word) >= RISK_WORD_WEIGHT),
      // A word of a safety phrase counts if it is a word and leans towards risk at all.
      ...ruleWords(rules).filter(
        (word) => (seen.has(word) || dictionary.has(word)) && weightOf(word) > 0,
      ),
    ]),
  ].sort((a, b) => weightOf(b) - weightOf(a) || a.localeCompare(b));
  const near = nearWords(english, seen, risk);
  return { known: [...new Set([...seen, ...near])].sort(), risk };
}

/** The whole words a safety rule's pattern spells out ("husband", "beats"), of four letters or more. */
function ruleWords(rules: readonly SafetyRule[]): string[] {
  return rules.flatMap((rule) =>
    rule.pattern.source
      .replace(/\\[a-zA-Z]/g, ' ')
      .split(/[^a-z]+/)
      .filter((word) => word.length >= 4),
  );
}

/**
 * The English words the respeller would read as a risk word, found by way of the words both
 * become with letters dropped: two words within two slips share such a word.
 */
function nearWords(
  english: readonly string[],
  known: ReadonlySet<string>,
  risk: readonly string[],
): string[] {
  const respell = createRespeller({ known, risk, forms: new Map() });
  const byDeletion = new Set<string>();
  for (const word of risk) for (const d of lettersDropped(word, 2)) byDeletion.add(d);
  const splits = (word: string) =>
    [...word].some((_, i) => i >= 2 && known.has(word.slice(0, i)) && known.has(word.slice(i)));
  return english.filter((word) => {
    if (word.length < 4 || known.has(word)) return false;
    const close = [...lettersDropped(word, word.length >= TWO_SLIPS_FROM ? 2 : 1)].some((d) =>
      byDeletion.has(d),
    );
    return (close || splits(word) || word.endsWith('in')) && respell(` ${word} `) !== ` ${word} `;
  });
}

/** A long line of words, folded for YAML at about 100 characters. */
const folded = (words: readonly string[]): string =>
  words
    .join(' ')
    .replace(/(.{1,96})( |$)/g, '    $1\n')
    .trimEnd();

/** English words, lowercase and unaccented, from the word-list package. */
async function englishWords(): Promise<string[]> {
  const { default: file } = await import('word-list');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((word) => /^[a-z]+$/.test(word));
}

async function main(): Promise<void> {
  const dir = process.env.KNOWLEDGE_DIR ?? 'knowledge';
  const knowledge = loadKnowledge(dir);
  const ids = new Set(knowledge.byId.keys());
  const items = LEARN_FROM.flatMap((name) =>
    loadEvalSet(path.join('test', 'eval', `${name}.yaml`), ids),
  );
  const phrases = parse(readFileSync(path.join(dir, 'safety.yaml'), 'utf8')) as Record<
    'crisis' | 'concern' | 'ignore',
    { examples?: unknown }[]
  >;
  const examples = (tier: 'crisis' | 'concern' | 'ignore') =>
    phrases[tier].flatMap((rule) => examplesOf(rule.examples));
  const atRisk = [
    ...items.filter((i) => i.expect === 'crisis').map((i) => i.q),
    ...examples('crisis'),
  ];
  const ordinary = [
    ...items.filter((i) => i.expect !== 'crisis').map((i) => i.q),
    ...knowledge.entries.flatMap((e) => [
      e.question,
      ...e.alternates,
      ...e.answer.split(/(?<=[.!?])\s+/),
    ]),
    ...knowledge.notCovered,
    ...examples('concern'),
    ...examples('ignore'),
  ];
  const { ignore } = knowledge.safety;
  // Which words carry risk is read once as people spelt them; the weights are then learnt from
  // the messages as the check reads them, their misspelt risk words spelt right.
  const spelling = spellingOf(
    atRisk,
    ordinary,
    weigh(count(atRisk, ignore), count(ordinary, ignore)),
    await englishWords(),
    knowledge.safety.rules,
  );
  const respell = createRespeller({
    known: new Set(spelling.known),
    risk: spelling.risk,
    forms: knowledge.safety.spelling?.forms ?? new Map(),
  });
  const weights = weigh(count(atRisk, ignore, respell), count(ordinary, ignore, respell));
  const byWeight = new Map<number, string[]>();
  for (const [feature, weight] of weights) {
    byWeight.set(weight, [...(byWeight.get(weight) ?? []), feature]);
  }
  const lines = [...byWeight]
    .sort(([a], [b]) => b - a)
    .map(
      ([weight, words]) => `  "${weight.toFixed(1)}": ${JSON.stringify(words.sort().join(' '))}`,
    );
  const file = path.join(dir, 'risk-words.yaml');
  writeFileSync(
    file,
    `${HEADER}crisisAt: ${CRISIS_AT}\ncrisisFrom: ${CRISIS_FROM}\ncrisisPerWord: ${CRISIS_PER_WORD}\nconcernAt: ${CONCERN_AT}\nconcernFrom: ${CONCERN_FROM}\nconcernPerWord: ${CONCERN_PER_WORD}\nweights:\n${lines.join('\n')}\n` +
      `${SPELLING_HEADER}spelling:\n  known: >-\n${folded(spelling.known)}\n` +
      `  risk: >-\n${folded(spelling.risk)}\n`,
  );
  const words = [...byWeight.values()].reduce((n, list) => n + list.length, 0);
  process.stdout.write(
    `${file}: ${words} words and pairs, from ${atRisk.length} messages at risk and ${ordinary.length} ordinary ones\n`,
  );
}

void main();
