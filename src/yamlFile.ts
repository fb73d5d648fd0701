import { LineCounter, parseDocument, isMap, isSeq, type Node, type Document } from 'yaml';
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

export { isMap, isSeq };
