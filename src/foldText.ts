export interface LayoutRepair {
  readonly find: string;
  readonly replace: string;
}

/** Folds whitespace and curly punctuation so that text can be compared word for word. */
export function foldText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The source document's text after the allowed layout repairs, folded. */
export function foldSource(source: string, repairs: readonly LayoutRepair[]): string {
  let text = source.replace(/•/g, ' ');
  for (const { find, replace } of repairs) text = text.split(find).join(replace);
  return foldText(text);
}

/** The answer's lines that must each appear in the folded source, without list bullets. */
export function answerBlocks(answer: string): string[] {
  return answer
    .split('\n')
    .map((line) => foldText(line.replace(/^•\s*/, '')))
    .filter((line) => line !== '');
}
