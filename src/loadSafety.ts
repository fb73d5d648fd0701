import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { KnowledgeError } from './knowledgeError';
import type { RiskLevel, SafetyRule, SafetyRules } from './safetyCheck';
import type { YamlFile } from './yamlFile';

const LEVELS: readonly RiskLevel[] = ['crisis', 'concern'];

function compile(file: YamlFile, node: Node | null | undefined, where: string): RegExp {
  const source = isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
  if (!source)
    throw new KnowledgeError(file.name, file.lineOf(node), undefined, `${where} needs a "pattern"`);
  try {
    return new RegExp(source, 'gu');
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

/** Reads the ignore list and the crisis and concern tiers of safety.yaml. */
export function loadSafety(file: YamlFile): SafetyRules {
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
      const pattern = compile(file, item.get('pattern', true) as Node, `${level} rule "${kind}"`);
      rules.push({ level, kind, pattern: new RegExp(pattern.source, 'u') });
    }
  }
  return { ignore, rules };
}
