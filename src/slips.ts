/** Spelling slips: how far apart two spellings are, and the forms a word has with letters dropped. */

/**
 * How many slips (a letter dropped, added, changed, or two neighbours swapped) turn `a` into `b`,
 * or `limit + 1` once it is clear there are more than `limit`.
 */
export function slips(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
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
      current.push(d);
      lowest = Math.min(lowest, d);
    }
    if (lowest > limit) return limit + 1;
    before = previous;
    previous = current;
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
  const byForm = new Map<string, string[]>();
  const keyOf = (word: string, form: string): string =>
    sameFirstLetter ? `${word[0] ?? ''}${form}` : form;
  for (const word of new Set(words)) {
    for (const form of lettersDropped(word, 1)) {
      const key = keyOf(word, form);
      const list = byForm.get(key);
      if (list) list.push(word);
      else byForm.set(key, [word]);
    }
  }
  return (word) => {
    const near = new Set<string>();
    for (const form of lettersDropped(word, 1)) {
      for (const known of byForm.get(keyOf(word, form)) ?? []) near.add(known);
    }
    return near;
  };
}
