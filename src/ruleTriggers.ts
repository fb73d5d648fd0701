/**
 * Reads a safety pattern for the words a match must contain, so that the check runs only the
 * patterns whose words a message has. It reads patterns over the folded text of safetyText.ts:
 * words of letters and digits with one space between them. It is deliberately cautious: a
 * pattern it cannot read for certain gets no triggers, and the check then always runs it.
 */

/** A word a message must hold for a pattern to match: exactly, or as the start of a word. */
export interface Trigger {
  readonly word: string;
  readonly prefix: boolean;
}

/** Words so common that a pattern triggered by them would run on nearly every message. */
const COMMON = new Set(
  (
    'a about after all am an and any are as at be been but by can cant could did do does dont for ' +
    'from get go going got had has have he her him his how i if im in into is it its ive just like ' +
    'me my no not now of on or out she so some that the them then there they this to too u up us ' +
    'want was we were what when will with would you your'
  ).split(' '),
);

const cost = (triggers: readonly Trigger[]): number =>
  triggers.reduce(
    (sum, t) => sum + (t.prefix && t.word.length < 3 ? 1000 : COMMON.has(t.word) ? 50 : 1),
    0,
  );

/** The index of the bracket that closes the character class at `open`, past escapes, or -1. */
function classEnd(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i += 1) {
    if (source[i] === '\\') i += 1;
    else if (source[i] === ']') return i;
  }
  return -1;
}

/** The index of the parenthesis that closes the one at `open`, or -1. */
function closing(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i += 1) {
    const c = source[i];
    if (c === '\\') i += 1;
    else if (c === '[') {
      i = classEnd(source, i);
      if (i < 0) return -1;
    } else if (c === '(') depth += 1;
    else if (c === ')') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** The alternatives of a pattern or group body, split at its own level. */
function alternatives(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (c === '\\') i += 1;
    else if (c === '[') i = Math.max(classEnd(source, i), i);
    else if (c === '(') depth += 1;
    else if (c === ')') depth -= 1;
    else if (c === '|' && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}

/** The quantifier at `at`: whether it allows no repeat at all, and where it ends. */
function quantifier(source: string, at: number): { optional: boolean; end: number } | undefined {
  const c = source[at];
  if (c === '?' || c === '*') return { optional: true, end: at + 1 };
  if (c === '+') return { optional: false, end: at + 1 };
  if (c !== '{') return { optional: false, end: at };
  const braces = /^\{(\d+)(,\d*)?\}/.exec(source.slice(at));
  return braces ? { optional: Number(braces[1]) === 0, end: at + braces[0].length } : undefined;
}

const LOOKAROUND = /^\(\?<?[=!]/;
const WORD_CHAR = /[a-z0-9]/;

/** Where the zero-width parts at `at` end: anchors, word boundaries and lookarounds. */
function skipZeroWidth(source: string, at: number): number {
  let i = at;
  for (;;) {
    if (source[i] === '^') i += 1;
    else if (source.startsWith('\\b', i)) i += 2;
    else if (source[i] === '(' && LOOKAROUND.test(source.slice(i, i + 4))) {
      const end = closing(source, i);
      if (end < 0) return -1;
      i = end + 1;
    } else return i;
  }
}

/** Whether a match of this group body always ends with a space, so that a word starts after it. */
const endsWithSpace = (body: string): boolean =>
  alternatives(body).every((alt) => alt.endsWith(' ') && !alt.endsWith('\\ '));

/**
 * The triggers of a sequence that starts at a word start: every mandatory part of it that starts
 * at a word start offers a set of triggers, and the least common set is kept.
 */
function sequenceTriggers(seq: string, after: string): Trigger[] | undefined {
  let best: Trigger[] | undefined;
  const offer = (triggers: Trigger[] | undefined) => {
    if (triggers && (!best || cost(triggers) < cost(best))) best = triggers;
  };
  let i = 0;
  let atWordStart = true;
  while (i < seq.length) {
    const next = skipZeroWidth(seq, i);
    if (next < 0) return best;
    if (next !== i) {
      i = next;
      continue;
    }
    const c = seq[i];
    if (c === '(') {
      const end = closing(seq, i);
      const q = end < 0 ? undefined : quantifier(seq, end + 1);
      if (!q) return best;
      const body = seq.slice(i + 1, end).replace(/^\?:/, '');
      if (atWordStart) {
        const inner = groupTriggers(body, q.end === end + 1 ? seq.slice(q.end) + after : '+');
        if (!q.optional) offer(inner);
        else if (inner) {
          // Either the group or what follows it starts here.
          const rest = sequenceTriggers(seq.slice(q.end), after);
          if (rest) offer([...inner, ...rest]);
        }
      }
      atWordStart = atWordStart && endsWithSpace(body);
      i = q.end;
      continue;
    }
    if (c === ' ') {
      const q = quantifier(seq, i + 1);
      atWordStart = q !== undefined && !q.optional && q.end === i + 1;
      i = q ? q.end : i + 1;
      continue;
    }
    if (c === '\\' && seq[i + 1] === 'd') {
      const q = quantifier(seq, i + 2);
      if (atWordStart && q && !q.optional) {
        offer([...'0123456789'].map((d) => ({ word: d, prefix: true })));
      }
      atWordStart = false;
      i = q ? q.end : i + 2;
      continue;
    }
    if (!WORD_CHAR.test(c ?? '')) return best;
    let j = i;
    while (j < seq.length && WORD_CHAR.test(seq[j] ?? '')) j += 1;
    const q = quantifier(seq, j);
    if (!q) return best;
    // A quantifier binds to the last letter only: "ab?" reads as "a" then maybe "b".
    const word = q.end === j ? seq.slice(i, j) : seq.slice(i, j - 1);
    const follow = q.end === j ? (j < seq.length ? seq.slice(j) : after) : '+';
    const whole =
      (follow[0] === ' ' && !'?*{'.includes(follow[1] ?? '')) || follow.startsWith('\\b');
    if (atWordStart && word !== '') offer([{ word, prefix: !whole }]);
    atWordStart = false;
    i = q.end;
  }
  return best;
}

/** The triggers of a group body at a word start: one set for each alternative, together. */
function groupTriggers(body: string, after: string): Trigger[] | undefined {
  const all: Trigger[] = [];
  for (const alt of alternatives(body)) {
    const found = sequenceTriggers(alt, after);
    if (!found) return undefined;
    all.push(...found);
  }
  return all;
}

/** The triggers a lookahead "(?=.* words)" asks for: its words, somewhere after a space. */
function lookaheadTriggers(lookahead: string): Trigger[] | undefined {
  const inner = /^\(\?=\.\*\??(.*)\)$/s.exec(lookahead)?.[1];
  if (inner === undefined || !inner.startsWith(' ') || alternatives(inner).length > 1)
    return undefined;
  return groupTriggers(inner.slice(1), '');
}

/** The least common of the trigger sets that every match of one alternative must satisfy. */
function alternativeTriggers(alt: string): Trigger[] | undefined {
  let i = 0;
  const options: Trigger[][] = [];
  for (;;) {
    if (alt[i] === '^') i += 1;
    else if (alt.startsWith('\\b', i)) i += 2;
    // "^(?!...).*?" then the rest: the rest may match anywhere, so its words are still needed.
    else if (alt.startsWith('.*?', i)) i += 3;
    else if (alt.startsWith('(?:', i) && closing(alt, i) === alt.length - 1) {
      // The rest is one group: its own alternatives, each read the same way. Whatever came before
      // it is zero-width or any text, so every match still holds one of the group's words.
      return ruleTriggers(alt.slice(i + 3, -1));
    } else if (alt[i] === '(' && LOOKAROUND.test(alt.slice(i, i + 4))) {
      const end = closing(alt, i);
      if (end < 0) return undefined;
      const found = alt.startsWith('(?=', i) ? lookaheadTriggers(alt.slice(i, end + 1)) : undefined;
      if (found) options.push(found);
      i = end + 1;
    } else break;
  }
  if (alt[i] === ' ' && !'?*{+'.includes(alt[i + 1] ?? '')) {
    const found = sequenceTriggers(alt.slice(i + 1), '');
    if (found) options.push(found);
  }
  return options.reduce<Trigger[] | undefined>(
    (best, option) => (!best || cost(option) < cost(best) ? option : best),
    undefined,
  );
}

/**
 * The words one of which every match of the pattern holds, or undefined when the pattern cannot
 * be read for certain. Each alternative must start with a space (after any anchors and
 * lookarounds), which is how the safety patterns anchor on a word, or ask for its words in a
 * lookahead at the start: "^(?=.*? (pills|tablets))".
 */
export function ruleTriggers(source: string): Trigger[] | undefined {
  const all: Trigger[] = [];
  for (const alt of alternatives(source)) {
    const found = alternativeTriggers(alt);
    if (!found) return undefined;
    all.push(...found);
  }
  return all;
}
