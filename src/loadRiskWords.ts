import { isMap, isScalar, type Node } from 'yaml';
import { KnowledgeError } from './knowledgeError';
import type { RiskWords, ShortThreshold } from './riskWords';
import type { YamlFile } from './yamlFile';

const FEATURE = /^[\p{L}\p{N}]+(_[\p{L}\p{N}]+)?$/u;
const FEATURE_LINE = /^\s*(?:[\p{L}\p{N}]+(?:_[\p{L}\p{N}]+)?(?:\s+|$))*$/u;
const WORD = /^[\p{Ll}\p{N}]+$/u;
const WORD_LINE = /^[\p{Ll}\p{N}\s]*$/u;

function readNumber(file: YamlFile, key: string): number {
  const node = file.doc.get(key, true) as Node | undefined;
  const value = isScalar(node) ? node.value : undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new KnowledgeError(file.name, file.lineOf(node), undefined, `"${key}" must be a number`);
  }
  return value;
}

/** Stops loading at the line of `key` with `problem`. */
function failAt(file: YamlFile, key: string, problem: string): never {
  throw new KnowledgeError(
    file.name,
    file.lineOf(file.doc.get(key, true) as Node),
    undefined,
    problem,
  );
}

/** A number from `key` that is above 0 and not above the threshold `ceilingKey` holds. */
function readBelow(file: YamlFile, key: string, ceilingKey: string, ceiling: number): number {
  const value = readNumber(file, key);
  if (value <= 0 || value > ceiling)
    failAt(file, key, `"${key}" must be above 0 and not above "${ceilingKey}"`);
  return value;
}

/** Reads the threshold of short messages "<name>From" and "<name>PerWord", if given. */
function readShort(file: YamlFile, name: string, at: number): ShortThreshold | undefined {
  const fromKey = `${name}From`;
  const perWordKey = `${name}PerWord`;
  if (!file.doc.has(fromKey) && !file.doc.has(perWordKey)) return undefined;
  const from = readBelow(file, fromKey, `${name}At`, at);
  const perWord = readNumber(file, perWordKey);
  if (perWord < 0) failAt(file, perWordKey, `"${perWordKey}" must not be below 0`);
  return { from, perWord };
}

/**
 * Reads risk-words.yaml: the thresholds, and the words grouped by weight, each group one
 * line of words and word pairs ("took_all") separated by spaces.
 */
export function loadRiskWords(file: YamlFile): RiskWords {
  const crisisAt = readNumber(file, 'crisisAt');
  const concernAt = readBelow(file, 'concernAt', 'crisisAt', crisisAt);
  const crisisShort = readShort(file, 'crisis', crisisAt);
  const concernShort = readShort(file, 'concern', concernAt);
  const byWeight = file.doc.get('weights', true) as Node | undefined;
  if (!isMap(byWeight)) {
    throw new KnowledgeError(
      file.name,
      file.lineOf(byWeight),
      undefined,
      '"weights" must map each weight to the words that carry it',
    );
  }
  const weights = new Map<string, number>();
  for (const pair of byWeight.items) {
    const key = isScalar(pair.key) ? Number(pair.key.value) : NaN;
    const words = isScalar(pair.value) ? pair.value.value : undefined;
    const line = file.lineOf(pair.key as Node);
    if (!Number.isFinite(key) || typeof words !== 'string') {
      throw new KnowledgeError(file.name, line, undefined, 'each weight needs a line of words');
    }
    // One test of the whole line is far cheaper than one per word; a word is tested if it fails.
    const wellFormed = FEATURE_LINE.test(words);
    for (const word of words.split(/\s+/).filter((w) => w !== '')) {
      if (!wellFormed && !FEATURE.test(word)) {
        throw new KnowledgeError(
          file.name,
          line,
          undefined,
          `"${word}" is not a word or word pair`,
        );
      }
      if (weights.has(word)) {
        throw new KnowledgeError(file.name, line, undefined, `"${word}" has two weights`);
      }
      weights.set(word, key);
    }
  }
  return {
    weights,
    crisisAt,
    concernAt,
    ...(crisisShort ? { crisisShort } : {}),
    ...(concernShort ? { concernShort } : {}),
  };
}

/** Reads a line of words under "spelling" in risk-words.yaml. */
function readWords(file: YamlFile, key: string): string[] {
  const node = file.doc.getIn(['spelling', key], true) as Node | undefined;
  const value = isScalar(node) ? node.value : undefined;
  if (typeof value !== 'string') {
    const section = isMap(file.doc.contents)
      ? file.doc.contents.items.find((pair) => isScalar(pair.key) && pair.key.value === 'spelling')
      : undefined;
    throw new KnowledgeError(
      file.name,
      file.lineOf(node ?? (section?.key as Node | undefined)),
      undefined,
      `"spelling" needs "${key}", a line of words`,
    );
  }
  const words = value.split(/\s+/).filter((word) => word !== '');
  const odd = WORD_LINE.test(value) ? undefined : words.find((word) => !WORD.test(word));
  if (odd !== undefined) {
    throw new KnowledgeError(
      file.name,
      file.lineOf(node),
      undefined,
      `"spelling.${key}" holds "${odd}", which is not a lowercase word`,
    );
  }
  return words;
}

/** Reads the words the check knows, and the risk words a slip is read as; none if absent. */
export function loadSpelling(file: YamlFile): { known: Set<string>; risk: string[] } {
  if (!file.doc.has('spelling')) return { known: new Set(), risk: [] };
  return { known: new Set(readWords(file, 'known')), risk: readWords(file, 'risk') };
}
