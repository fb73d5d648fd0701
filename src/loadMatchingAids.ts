import { existsSync } from 'node:fs';
import type { Node } from 'yaml';
import { isTextList, nonEmptyTexts, readLines, type YamlFile } from './yamlFile';
import { KnowledgeError } from './knowledgeError';

/** Reads synonyms.yaml: a list of word groups, each read as its first word. */
export function loadSynonyms(file: YamlFile): string[][] {
  const groups = (file.doc.toJS() as { groups?: unknown } | null)?.groups;
  if (!Array.isArray(groups)) {
    throw new KnowledgeError(file.name, 1, undefined, '"groups" must be a list of word lists');
  }
  const seen = new Map<string, number>();
  return groups.map((group: unknown, i) => {
    const line = file.lineOf(file.doc.getIn(['groups', i], true) as never);
    if (!isTextList(group) || group.length < 2) {
      throw new KnowledgeError(
        file.name,
        line,
        undefined,
        'each group must list at least two words',
      );
    }
    for (const word of group) {
      const other = seen.get(word.toLowerCase());
      if (other !== undefined) {
        throw new KnowledgeError(
          file.name,
          line,
          undefined,
          `"${word}" is already in the group on line ${other}`,
        );
      }
      seen.set(word.toLowerCase(), line);
    }
    return group;
  });
}

/** Reads not-covered.yaml: questions people ask that the FAQ does not answer. */
export function loadNotCovered(file: YamlFile): string[] {
  const node = file.doc.get('phrasings', true) as Node | undefined;
  const lines = readLines(file, node);
  if (!lines) {
    throw new KnowledgeError(
      file.name,
      file.lineOf(node),
      undefined,
      '"phrasings" must be a list of questions, or a block of lines after "phrasings: |"',
    );
  }
  return nonEmptyTexts(file, lines, 'phrasings');
}

/** Reads boundaries.yaml: patterns of requests for clinical advice. */
export function loadClinical(file: YamlFile): RegExp[] {
  const rules = (file.doc.toJS() as { clinical?: unknown } | null)?.clinical;
  if (!Array.isArray(rules)) {
    throw new KnowledgeError(file.name, 1, undefined, '"clinical" must be a list of patterns');
  }
  return rules.map((rule: unknown, i) => {
    const line = file.lineOf(file.doc.getIn(['clinical', i], true) as never);
    const pattern = (rule as { pattern?: unknown } | null)?.pattern;
    if (typeof pattern !== 'string' || pattern.trim() === '') {
      throw new KnowledgeError(file.name, line, undefined, 'each clinical rule needs a "pattern"');
    }
    try {
      return new RegExp(pattern, 'u');
    } catch {
      throw new KnowledgeError(
        file.name,
        line,
        undefined,
        'the pattern is not a valid regular expression',
      );
    }
  });
}

export const optionalFile = (file: string): boolean => existsSync(file);
