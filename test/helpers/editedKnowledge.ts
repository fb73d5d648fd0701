import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KnowledgeError } from '../../src/knowledgeError';
import { loadKnowledge } from '../../src/loadKnowledge';

/** A copy of a knowledge folder in a temporary folder, with one of its files edited. */
export function editedKnowledge(
  from: string,
  name: string,
  edit: (text: string) => string,
): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'knowledge-'));
  cpSync(from, dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return dir;
}

/** The error loading a knowledge folder stops with; it fails the test if the folder loads. */
export function loadError(dir: string): KnowledgeError {
  try {
    loadKnowledge(dir);
  } catch (err) {
    if (err instanceof KnowledgeError) return err;
    throw err;
  }
  throw new Error('the knowledge loaded');
}
