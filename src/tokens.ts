/** Short forms people type, mapped to the words the knowledge base uses. */
// A Map, not an object, so that a typed word like "constructor" finds nothing inherited.
const SHORT_FORMS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    u: 'you',
    r: 'are',
    ur: 'your',
    y: 'why',
    wat: 'what',
    wats: 'what is',
    wuts: 'what is',
    wut: 'what',
    wht: 'what',
    hw: 'how',
    abt: 'about',
    bc: 'because',
    cuz: 'because',
    coz: 'because',
    hv: 'have',
    hav: 'have',
    rly: 'really',
    thru: 'through',
    sum1: 'someone',
    some1: 'someone',
    any1: 'anyone',
    ne1: 'anyone',
    cn: 'can',
    shld: 'should',
    wld: 'would',
    cld: 'could',
    kno: 'know',
    knw: 'know',
    pls: 'please',
    plz: 'please',
    thx: 'thanks',
    ty: 'thanks',
    gonna: 'going to',
    wanna: 'want to',
    gotta: 'have to',
    hafta: 'have to',
    im: 'i am',
    ppl: 'people',
    sesh: 'session',
    grp: 'group',
    mins: 'minutes',
    min: 'minutes',
    hrs: 'hours',
    hr: 'hour',
    b4: 'before',
    idk: 'i do not know',
    cant: 'can not',
    dont: 'do not',
    wont: 'will not',
    isnt: 'is not',
    didnt: 'did not',
    doesnt: 'does not',
    ive: 'i have',
    whats: 'what is',
    hows: 'how is',
    thats: 'that is',
    info: 'information',
    convo: 'conversation',
    conf: 'confidential',
    mtg: 'meeting',
    mtgs: 'meetings',
    wk: 'week',
    wks: 'weeks',
    mo: 'month',
    mos: 'months',
    yr: 'year',
    yrs: 'years',
    pt: 'point',
    w: 'with',
    b: 'be',
    bf: 'boyfriend',
    gf: 'girlfriend',
    ok: 'okay',
    k: 'okay',
    dunno: 'do not know',
    '1on1': 'one on one',
    '1to1': 'one to one',
    shud: 'should',
    cud: 'could',
    wud: 'would',
    '1st': '1',
    '2nd': '2',
    '3rd': '3',
    '4th': '4',
    '5th': '5',
    '6th': '6',
    '7th': '7',
    '8th': '8',
    '9th': '9',
    '10th': '10',
  }),
);

/** Words that carry no meaning for matching. Question words stay: "how long" is not "what". */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the is are was were be been being am i me my mine myself we us our you your yours it its ' +
    'this that these those to of in on at for with and or but so if doing done ' +
    'had having shall may might just there here then than too very ' +
    'really actually basically also about into from by as s re ve ll d m any some such own ' +
    'um uh hey hi hello please thanks okay ok well oh like kind sort quick question wondering curious ' +
    'wanted wonder tell get got going go lot lots thing things stuff anyway guess mean ' +
    'honestly probably maybe mostly literally'
  ).split(' '),
);

/** Words after which "2" is "to", as in "do I have 2 share": elsewhere it is a number, as in "tip 2". */
const TAKES_TO: ReadonlySet<string> = new Set(
  (
    'have hav hv need want able going got supposed allowed expected forced made meant ' +
    'ok okay fine hard easy safe normal like prefer try trying start begin decide plan how when'
  ).split(' '),
);

/** Plural nouns after which "10" is how many there are, not which one. */
const COUNTED: ReadonlySet<string> = new Set(['suggestions', 'tips', 'things', 'ideas', 'steps']);

/**
 * Units after which a number is an amount ("an 8 week thing", "6-8 ppl"), never "suggestion 8":
 * matching leaves it out and reads the unit.
 */
const UNITS: ReadonlySet<string> = new Set(
  (
    'week weeks wk wks month months mo mos year years yr yrs yo day days hour hours hr hrs ' +
    'minute minutes min mins people ppl person persons member members session sessions time ' +
    'times x step therapists strangers'
  ).split(' '),
);

/** Whether the number at `i` counts something: a unit follows it, or a range ending in one. */
function isAmount(all: readonly string[], i: number): boolean {
  // "1:1 sessions" are one-to-one sessions.
  if (all[i] === '1' && (all[i + 1] === '1' || all[i - 1] === '1')) return false;
  let j = i + 1;
  while (/^\d+$/.test(all[j] ?? '') || all[j] === 'to' || all[j] === 'or') j += 1;
  return UNITS.has(all[j] ?? '');
}

/** Splits normalised text into words, expanding short forms. */
export function splitWords(normalized: string): string[] {
  const words: string[] = [];
  const all = normalized.split(' ');
  all.forEach((word, i) => {
    if (word === '') return;
    if (word === '2' && TAKES_TO.has(words[words.length - 1] ?? '')) {
      words.push('to');
      return;
    }
    // "the 10 suggestions" counts them all; "suggestion 10" and "the 10th" name the last one.
    if (word === '10' && COUNTED.has(all[i + 1] ?? '')) {
      words.push('ten');
      return;
    }
    if (/^\d+$/.test(word) && isAmount(all, i)) return;
    const long = SHORT_FORMS.get(word);
    if (long) words.push(...long.split(' '));
    else words.push(word);
  });
  return words;
}

/** Words whose suffix is not one: "evening" is not a form of "even". */
const UNSTEMMED: ReadonlySet<string> = new Set([
  'evening',
  'during',
  'string',
  'quite',
  'same',
  'lately',
]);

const SUFFIXES = ['ingly', 'ing', 'edly', 'ed', 'ity', 'ness', 'ly', 'ful'];
const DOUBLED_END = /([^aeiouls])\1$/;

/** A light suffix stripper: the same word in different forms gets the same stem. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is'))
    w = w.slice(0, -1);
  if (UNSTEMMED.has(w)) return w;
  for (const suffix of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      if (DOUBLED_END.test(w)) w = w.slice(0, -1);
      break;
    }
  }
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('y')) w = `${w.slice(0, -1)}i`;
  return w;
}

export function isContentWord(word: string): boolean {
  return !STOP_WORDS.has(word);
}
