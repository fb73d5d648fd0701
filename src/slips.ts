/** Spelling slips: how far apart two spellings are, and the forms a word has with letters dropped. */

/**
 * How many slips (a letter dropped, added, changed, or two neighbours swapped) turn `a` into `b`,
 * or `limit + 1` once it is clear there are more than `limit`.
 */
export function slips(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // Three rows of the distance table, reused: the one before the previous serves the swaps.
  const width = b.length + 1;
  let before = new Int32Array(width);
  let previous = Int32Array.from({ length: width }, (_, j) => j);
  let current = new Int32Array(width);
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let lowest = i;
    for (let j = 1; j <= b.length; j += 1) {
      const same = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + same,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (before[j - 2] ?? 0) + 1);
      }
      current[j] = d;
      lowest = Math.min(lowest, d);
    }
    if (lowest > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length] ?? limit + 1;
}

/**
 * The forms `word` takes with up to `n` of its letters dropped, itself included. Two spellings
 * within n slips of each other always share such a form, so an index of the forms of known words
 * finds every word within reach of a misspelling without comparing it to each of them.
 */
export function lettersDropped(word: string, n: number): Set<string> {
  let layer = new Set([word]);
  const all = new Set(layer);
  for (let i = 0; i < n; i += 1) {
    const next = new Set<string>();
    for (const w of layer) {
      for (let j = 0; j < w.length; j += 1) next.add(w.slice(0, j) + w.slice(j + 1));
    }
    for (const w of next) all.add(w);
    layer = next;
  }
  return all;
}

/**
 * An index of words by the forms they take with one letter dropped. `near(word)` gives each indexed
 * word that shares such a form with `word`: one letter changed, added, dropped or swapped with a
 * neighbour, or one added and another dropped. With `sameFirstLetter`, only the words that start
 * as `word` does. A lookup costs a few map reads, however many words there are.
 */
export function oneLetterIndex(
  words: Iterable<string>,
  sameFirstLetter: boolean,
): (word: string) => Set<string> {
  // With `sameFirstLetter`, one map of forms per first letter.
  const maps = new Map<string, Map<string, string[]>>();
  const mapOf = (word: string): string => (sameFirstLetter ? (word[0] ?? '') : '');
  for (const word of new Set(words)) {
    const byForm = maps.get(mapOf(word)) ?? new Map<string, string[]>();
    maps.set(mapOf(word), byForm);
    const file = (form: string): void => {
      const list = byForm.get(form);
      if (!list) byForm.set(form, [word]);
      else if (list.at(-1) !== word) list.push(word);
    };
    file(word);
    for (let j = 0; j < word.length; j += 1) file(word.slice(0, j) + word.slice(j + 1));
  }
  return (word) => {
    const near = new Set<string>();
    const byForm = maps.get(mapOf(word));
    if (!byForm) return near;
    const visit = (form: string): void => {
      for (const known of byForm.get(form) ?? []) near.add(known);
    };
    visit(word);
    for (let j = 0; j < word.length; j += 1) visit(word.slice(0, j) + word.slice(j + 1));
    return near;
  };
}
