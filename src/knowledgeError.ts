/** A knowledge file is invalid. The message names the file, the line and the entry. */
export class KnowledgeError extends Error {
  override readonly name = 'KnowledgeError';

  constructor(
    readonly file: string,
    readonly line: number,
    readonly entryId: string | undefined,
    readonly problem: string,
  ) {
    super(`${file}:${line}${entryId ? ` (entry "${entryId}")` : ''}: ${problem}`);
  }
}
