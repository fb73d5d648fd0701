import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { Entry } from './knowledge';
import { KnowledgeError } from './knowledgeError';
import { answerBlocks, foldSource, type LayoutRepair } from './foldText';
import { nonEmptyTexts, readLines, type YamlFile } from './yamlFile';

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MAX_LABEL_LENGTH = 20;

interface Reader {
  fail(node: Node | null | undefined, problem: string): never;
  text(map: YAMLMap, key: string): string;
  list(map: YAMLMap, key: string, required: boolean): string[];
}

function createReader(file: YamlFile, entryId: () => string | undefined): Reader {
  const fail = (node: Node | null | undefined, problem: string): never => {
    throw new KnowledgeError(file.name, file.lineOf(node), entryId(), problem);
  };
  const text = (map: YAMLMap, key: string): string => {
    const node = map.get(key, true) as Node | undefined;
    if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') {
      return fail(node ?? map, `"${key}" must be a non-empty text`);
    }
    return node.value.trim();
  };
  const list = (map: YAMLMap, key: string, required: boolean): string[] => {
    const node = map.get(key, true) as Node | undefined;
    if (node === undefined && !required) return [];
    const lines = readLines(file, node);
    if (!lines) {
      return fail(node ?? map, `"${key}" must be a list, or a block of lines after "${key}: |"`);
    }
    return nonEmptyTexts(file, lines, key, entryId());
  };
  return { fail, text, list };
}

function readRepairs(file: YamlFile, root: YAMLMap): LayoutRepair[] {
  const node = root.get('layoutRepairs', true) as Node | undefined;
  if (node === undefined) return [];
  const items = isSeq(node) ? node.items : [];
  return items.map((item) => {
    const reader = createReader(file, () => undefined);
    if (!isMap(item)) return reader.fail(node, 'each layout repair needs "find" and "replace"');
    return { find: reader.text(item, 'find'), replace: reader.text(item, 'replace') };
  });
}

/** Reads faq.yaml; `readSource` returns the text of a source file named in it. */
export function loadFaq(file: YamlFile, readSource: (name: string) => string): Entry[] {
  const root = file.doc.contents;
  let currentId: string | undefined;
  const reader = createReader(file, () => currentId);
  if (!isMap(root))
    return reader.fail(root, 'the file must be a mapping with "source" and "entries"');
  const source = foldSource(readSource(reader.text(root, 'source')), readRepairs(file, root));
  const entriesNode = root.get('entries', true) as Node | undefined;
  if (!isSeq(entriesNode) || entriesNode.items.length === 0) {
    return reader.fail(entriesNode ?? root, '"entries" must be a non-empty list');
  }
  const entries = entriesNode.items.map((item) => {
    currentId = undefined;
    if (!isMap(item)) return reader.fail(item as Node, 'each entry must be a mapping');
    currentId = reader.text(item, 'id');
    const entry = readEntry(item, reader);
    for (const block of answerBlocks(entry.answer)) {
      if (!source.includes(block)) {
        reader.fail(
          item.get('answer', true) as Node,
          `answer is not word for word from the source: "${block.slice(0, 60)}…"`,
        );
      }
    }
    return entry;
  });
  return entries;
}

function readEntry(item: YAMLMap, reader: Reader): Entry {
  const id = reader.text(item, 'id');
  if (!ID_PATTERN.test(id))
    reader.fail(item.get('id', true) as Node, 'id must be lowercase words joined by "-"');
  const label = reader.text(item, 'label');
  if (label.length > MAX_LABEL_LENGTH) {
    reader.fail(
      item.get('label', true) as Node,
      `label must be at most ${MAX_LABEL_LENGTH} characters, so it fits on a button`,
    );
  }
  return {
    id,
    question: reader.text(item, 'question'),
    label,
    alternates: reader.list(item, 'alternates', true),
    answer: reader.text(item, 'answer'),
    followUps: reader.list(item, 'followUps', false),
  };
}
