import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Node, type Document } from 'yaml';
import { KnowledgeError } from './knowledgeError';

/** A parsed YAML file that can say on which line any node starts. */
export interface YamlFile {
  readonly name: string;
  readonly doc: Document;
  lineOf(node: Node | null | undefined): number;
}

export function parseYamlFile(name: string, text: string): YamlFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (node: Node | null | undefined): number =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  const [error] = doc.errors;
  if (error) {
    const line = lineCounter.linePos(error.pos[0]).line;
    throw new KnowledgeError(name, line, undefined, `not valid YAML: ${error.code}`);
  }
  return { name, doc, lineOf };
}

/** One item of a list of phrasings, and the line of the file it is on. */
export interface Line {
  readonly text: string;
  readonly line: number;
}

/**
 * Reads a list of phrasings written either as a YAML list or as a block of lines ("key: |", one
 * phrasing a line, blank lines and lines starting with "#" left out). A block of thousands of
 * lines parses several times faster than a list of as many items. Each text is trimmed; a list
 * item that is not text reads as "". Anything else is not a list: undefined.
 */
export function readLines(file: YamlFile, node: Node | null | undefined): Line[] | undefined {
  if (isSeq(node)) {
    return node.items.map((item) => ({
      text: isScalar(item) && typeof item.value === 'string' ? item.value.trim() : '',
      line: file.lineOf(item as Node),
    }));
  }
  if (!isScalar(node) || node.type !== 'BLOCK_LITERAL' || typeof node.value !== 'string') {
    return undefined;
  }
  // The block's lines start on the line after its "|".
  const first = file.lineOf(node) + 1;
  return blockLines(node.value).map(({ text, index }) => ({ text, line: first + index }));
}

/** The texts of lines read by readLines; an empty one stops loading with its file and line. */
export function nonEmptyTexts(
  file: YamlFile,
  lines: readonly Line[],
  key: string,
  entryId?: string,
): string[] {
  return lines.map(({ text, line }) => {
    if (text === '') {
      throw new KnowledgeError(
        file.name,
        line,
        entryId,
        `every item of "${key}" must be a non-empty text`,
      );
    }
    return text;
  });
}

/** Whether a value is a list whose every item is a text with something in it. */
export const isTextList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim() !== '');

/** The lines of a block of text that hold something, trimmed, with their index in the block. */
export function blockLines(block: string): { text: string; index: number }[] {
  return block
    .split('\n')
    .map((line, index) => ({ text: line.trim(), index }))
    .filter(({ text }) => text !== '' && !text.startsWith('#'));
}

export { isMap, isSeq };
