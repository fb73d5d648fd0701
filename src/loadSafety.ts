import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { KnowledgeError } from './knowledgeError';
import type { Recovered, RiskLevel, SafetyRule, SafetyRules } from './safetyCheck';
import type { YamlFile } from './yamlFile';

const LEVELS: readonly RiskLevel[] = ['crisis', 'concern'];

function compile(
  file: YamlFile,
  node: Node | null | undefined,
  where: string,
  flags = 'gu',
): RegExp {
  const source = isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
  if (!source)
    throw new KnowledgeError(file.name, file.lineOf(node), undefined, `${where} needs a "pattern"`);
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

/** Reads the optional "spellings" map: each short or sound-alike form, and the words it stands for. */
function readForms(file: YamlFile): Map<string, string> {
  const forms = new Map<string, string>();
  const node = file.doc.get('spellings', true) as Node | undefined;
  if (node === undefined) return forms;
  if (!isMap(node)) {
    throw new KnowledgeError(
      file.name,
      file.lineOf(node),
      undefined,
      '"spellings" must map each form to the words it stands for',
    );
  }
  for (const pair of node.items) {
    const form = isScalar(pair.key) ? String(pair.key.value) : '';
    const words = isScalar(pair.value) ? pair.value.value : undefined;
    if (
      !WORDS.test(form) ||
      form.includes(' ') ||
      typeof words !== 'string' ||
      !WORDS.test(words)
    ) {
      throw new KnowledgeError(
        file.name,
        file.lineOf(pair.key as Node),
        undefined,
        `spelling "${form}" must be one lowercase word standing for lowercase words`,
      );
    }
    forms.set(form, words);
  }
  return forms;
}

/** Reads the optional "recovered" patterns: past, well and now. */
function readRecovered(file: YamlFile): Recovered | undefined {
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
      'u',
    );
  });
  return { past: past as RegExp, well: well as RegExp, now: now as RegExp };
}

/** Reads the ignore list, the crisis and concern tiers, the recovered patterns and the spellings of safety.yaml. */
export function loadSafety(file: YamlFile): SafetyRules & { readonly forms: Map<string, string> } {
  const ignore = readList(file, 'ignore').map((item, i) => {
    if (!isMap(item))
      throw new KnowledgeError(
        file.name,
        file.lineOf(item),
        undefined,
        'each idiom needs a "pattern"',
      );
    return compile(file, item.get('pattern', true) as Node, `idiom ${i + 1}`);
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
        pattern: compile(file, item.get('pattern', true) as Node, where, 'u'),
      });
    }
  }
  const recovered = readRecovered(file);
  return { ignore, rules, ...(recovered ? { recovered } : {}), forms: readForms(file) };
}
