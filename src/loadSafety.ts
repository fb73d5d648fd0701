import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { KnowledgeError } from './knowledgeError';
import type { Recovered, RiskLevel, SafetyRule, SafetyRules } from './safetyCheck';
import type { YamlFile } from './yamlFile';

const LEVELS: readonly RiskLevel[] = ['crisis', 'concern'];

/** A piece of pattern written once under "shared" and placed in patterns as {{name}}. */
const SHARED_PLACE = /\{\{([a-z][a-z-]*)\}\}/g;
const SHARED_NAME = /^[a-z][a-z-]*$/;

/** A pattern with each {{name}} replaced by its shared piece; an unknown name is left as it is. */
export function expandShared(source: string, shared: ReadonlyMap<string, string>): string {
  return source.replace(SHARED_PLACE, (place, name: string) => shared.get(name) ?? place);
}

function compile(
  file: YamlFile,
  node: Node | null | undefined,
  where: string,
  shared: ReadonlyMap<string, string>,
  flags = 'gu',
): RegExp {
  const written = isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
  if (!written)
    throw new KnowledgeError(file.name, file.lineOf(node), undefined, `${where} needs a "pattern"`);
  const source = expandShared(written, shared);
  const unknown = /\{\{([^}]*)\}\}/.exec(source);
  if (unknown)
    throw new KnowledgeError(
      file.name,
      file.lineOf(node),
      undefined,
      `${where} uses {{${unknown[1]}}}, which "shared" does not define`,
    );
  try {
    return new RegExp(source, flags);
  } catch {
    throw new KnowledgeError(
      file.name,
      file.lineOf(node),
      undefined,
      `${where} has a pattern that is not a valid regular expression`,
    );
  }
}

function readList(file: YamlFile, key: string): Node[] {
  const node = file.doc.get(key, true) as Node | undefined;
  if (!isSeq(node))
    throw new KnowledgeError(file.name, file.lineOf(node), undefined, `"${key}" must be a list`);
  return node.items as Node[];
}

const WORDS = /^[\p{Ll}\p{N}]+( [\p{Ll}\p{N}]+)*$/u;

/**
 * Reads an optional map of names to strings under `key`. A pair that `valid` refuses names its line
 * with `problem`; a value that is not a string is refused too.
 */
function readStringMap(
  file: YamlFile,
  key: string,
  shape: string,
  valid: (name: string, value: string) => boolean,
  problem: (name: string) => string,
): Map<string, string> {
  const map = new Map<string, string>();
  const node = file.doc.get(key, true) as Node | undefined;
  if (node === undefined) return map;
  if (!isMap(node)) throw new KnowledgeError(file.name, file.lineOf(node), undefined, shape);
  for (const pair of node.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    if (typeof value !== 'string' || !valid(name, value))
      throw new KnowledgeError(file.name, file.lineOf(pair.key as Node), undefined, problem(name));
    map.set(name, value);
  }
  return map;
}

/** Reads the optional "spellings" map: each short or sound-alike form, and the words it stands for. */
const readForms = (file: YamlFile): Map<string, string> =>
  readStringMap(
    file,
    'spellings',
    '"spellings" must map each form to the words it stands for',
    (form, words) => WORDS.test(form) && !form.includes(' ') && WORDS.test(words),
    (form) => `spelling "${form}" must be one lowercase word standing for lowercase words`,
  );

/** Reads the optional "shared" map: pieces of pattern that several patterns place as {{name}}. */
const readShared = (file: YamlFile): Map<string, string> =>
  readStringMap(
    file,
    'shared',
    '"shared" must map each name to a piece of pattern',
    (name, piece) => SHARED_NAME.test(name) && piece !== '',
    (name) => `shared piece "${name}" must be a lowercase name with a piece of pattern`,
  );

/** Reads the optional "recovered" patterns: past, well and now. */
function readRecovered(file: YamlFile, shared: ReadonlyMap<string, string>): Recovered | undefined {
  const node = file.doc.get('recovered', true) as Node | undefined;
  if (node === undefined) return undefined;
  if (!isMap(node)) {
    throw new KnowledgeError(
      file.name,
      file.lineOf(node),
      undefined,
      '"recovered" needs "past", "well" and "now" patterns',
    );
  }
  const [past, well, now] = (['past', 'well', 'now'] as const).map((key) => {
    return compile(
      file,
      (node.get(key, true) as Node | undefined) ?? node,
      `"recovered.${key}"`,
      shared,
      'u',
    );
  });
  return { past: past as RegExp, well: well as RegExp, now: now as RegExp };
}

/** Reads the ignore list, the crisis and concern tiers, the recovered patterns and the spellings of safety.yaml. */
export function loadSafety(file: YamlFile): SafetyRules & { readonly forms: Map<string, string> } {
  const shared = readShared(file);
  const ignore = readList(file, 'ignore').map((item, i) => {
    if (!isMap(item))
      throw new KnowledgeError(
        file.name,
        file.lineOf(item),
        undefined,
        'each idiom needs a "pattern"',
      );
    return compile(file, item.get('pattern', true) as Node, `idiom ${i + 1}`, shared);
  });
  const rules: SafetyRule[] = [];
  for (const level of LEVELS) {
    for (const item of readList(file, level)) {
      if (!isMap(item))
        throw new KnowledgeError(
          file.name,
          file.lineOf(item),
          undefined,
          `each ${level} rule needs "kind" and "pattern"`,
        );
      const kind = item.get('kind');
      if (typeof kind !== 'string' || kind === '') {
        throw new KnowledgeError(
          file.name,
          file.lineOf(item),
          undefined,
          `each ${level} rule needs a "kind"`,
        );
      }
      const where = `${level} rule "${kind}"`;
      rules.push({
        level,
        kind,
        pattern: compile(file, item.get('pattern', true) as Node, where, shared, 'u'),
      });
    }
  }
  const recovered = readRecovered(file, shared);
  return { ignore, rules, ...(recovered ? { recovered } : {}), forms: readForms(file) };
}
