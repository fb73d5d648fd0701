import { createClinicalCheck } from '../src/clinicalCheck';
import { createDecider } from '../src/decide';
import { loadKnowledge } from '../src/loadKnowledge';
import { createMatcher } from '../src/matcher';
import { isContentWord, stem } from '../src/tokens';
import { createTypoCorrector } from '../src/typoCorrector';

const knowledge = loadKnowledge('knowledge');
const decide = createDecider(createMatcher(knowledge), createClinicalCheck(knowledge.clinical));
const outcomeOf = (text: string): string => {
  const d = decide(text);
  if (d.outcome === 'answer') return d.entryId;
  if (d.outcome === 'smalltalk') return `smalltalk:${d.kind}`;
  if (d.outcome === 'clinical') return 'clinical';
  return d.outcome;
};

describe('matching a question to the FAQ', () => {
  it.each(knowledge.entries.map((e) => [e.question, e.id]))(
    'answers its own question "%s" with %s',
    (question, id) => {
      expect(outcomeOf(question)).toBe(id);
    },
  );

  it.each([
    ['how long is each session', 'what-is-group'],
    ['how long do I need to stay', 'how-long'],
    ['how does it work', 'how-it-works'],
    ['what is a group', 'what-is-group'],
    ['can I quit', 'leaving'],
    ['how many people are in a group', 'what-is-group'],
    ['is it co-ed', 'what-is-group'],
    ['confidentiality?', 'confidentiality'],
    ['will the others tell anyone what I say', 'confidentiality'],
    ['how long r sessions', 'what-is-group'],
    ['do I have to talk', 'forced-to-share'],
    ['confidentaility', 'confidentiality'],
    ['do i need individul therapy too', 'individual-therapy'],
    ['do i hv to participate', 'forced-to-share'],
    ['can sum1 tell me how it works', 'how-it-works'],
    ['what even is this group', 'what-is-group'],
    ['do u have 2 share', 'forced-to-share'],
    ['is it ok 2 just listen', 'forced-to-share'],
    ['what is tip 2', 'suggestion-2'],
    ['what are the 10 suggestions', 'ten-suggestions'],
    ['10 tips?', 'ten-suggestions'],
    ['tip 10', 'suggestion-10'],
    ['suggestion 8?', 'suggestion-8'],
    ['should I stop my 1:1 sessions if I join group', 'individual-therapy'],
    ['what dose it mean to observe how i communicate non verbally', 'suggestion-3'],
  ])('reads "%s" as %s', (text, expected) => {
    expect(outcomeOf(text)).toBe(expected);
  });

  it.each([
    ['is it like an 8 week thing or open ended', 'suggestion-8'],
    ['are there 6-8 ppl in a group', 'suggestion-6'],
    ['is it 2 hours long', 'suggestion-2'],
  ])('reads the number in "%s" as an amount, not %s', (text, suggestion) => {
    expect(outcomeOf(text)).not.toBe(suggestion);
  });

  it.each([
    'how much does it cost',
    'do you take insurance',
    'where are you located',
    'is there an evening group',
    'is there parking',
    'what day does the group meet',
    'can I do it over zoom',
    'how do I sign up',
    'can you be my therapist',
    'asdkjh qwe zxcv',
    "what's the weather like tomorrow",
    'whats the capital of france',
  ])('never guesses at "%s": it gets the fallback', (text) => {
    expect(outcomeOf(text)).toBe('fallback');
  });

  it.each([
    'do you do individual sessions too',
    'how many groups do you run',
    ...knowledge.notCovered.slice(0, 40),
  ])('never offers "did you mean" with nothing to choose: "%s"', (text) => {
    const d = decide(text);
    if (d.outcome === 'clarify') expect(d.entryIds.length).toBeGreaterThan(0);
    expect(d.outcome === 'answer' || d.outcome === 'smalltalk').toBe(false);
  });

  it('offers the entry the words point to when the wording is nearest a question the FAQ does not answer', () => {
    const text =
      'my company might move me abroad next year, what happens if i have to stop coming partway through';
    expect(decide(text)).toMatchObject({ outcome: 'clarify', entryIds: ['leaving'] });
    expect(outcomeOf('can I join partway through')).toBe('fallback');
  });

  it('offers, never answers, an entry whose wording is just short of scope when nothing unanswered is near', () => {
    const text = 'what if theres personal stuff i dont want to get into';
    const d = decide(text);
    expect(d).toMatchObject({ outcome: 'clarify', entryIds: ['forced-to-share'] });
    if (d.outcome === 'clarify') expect(d.wording).toBeLessThan(0.4);
    expect(outcomeOf('how much does it cost')).toBe('fallback');
  });

  it.each([
    'should I stop my meds before joining',
    'do I have BPD',
    'can group replace my antidepressants',
    'should I change my dose before group',
    'what dose should I be on before group',
    'does the dose I take matter for group',
  ])('never gives clinical advice: "%s" gets the clinical-boundary reply', (text) => {
    expect(outcomeOf(text)).toBe('clinical');
  });

  it.each([
    ['hi', 'smalltalk:greeting'],
    ['good morning!', 'smalltalk:greeting'],
    ['thanks so much', 'smalltalk:thanks'],
    ['bye', 'smalltalk:goodbye'],
    ['are you a real person?', 'smalltalk:identity'],
    ['who am I talking to', 'smalltalk:identity'],
    ['help', 'smalltalk:help'],
    ['menu', 'smalltalk:help'],
    ['topics', 'smalltalk:help'],
    ["how's it going?", 'smalltalk:greeting'],
    ['how r u', 'smalltalk:greeting'],
    ['\u{1F44B}', 'smalltalk:greeting'],
    ['great, thanks for the info', 'smalltalk:thanks'],
    ['have a good day', 'smalltalk:goodbye'],
    ["what's your name", 'smalltalk:identity'],
    ['who made you?', 'smalltalk:identity'],
    ['ok cool', 'smalltalk:acknowledgement'],
    ['got it', 'smalltalk:acknowledgement'],
    ['lol', 'smalltalk:acknowledgement'],
    ['\u{1F44D}', 'smalltalk:acknowledgement'],
    ['\u{1F44D}\u{1F3FD}', 'smalltalk:acknowledgement'],
    ['hmm let me think about it', 'smalltalk:acknowledgement'],
    ["that's really helpful, thanks", 'smalltalk:thanks'],
    ['thanks thats really helpful', 'smalltalk:thanks'],
    ['great, appreciate the help', 'smalltalk:thanks'],
    ['thank you so much, i really appreciate it', 'smalltalk:thanks'],
    ['is this a real person or AI', 'smalltalk:identity'],
    ['are you a bot or a human?', 'smalltalk:identity'],
    ['r u a real person or ai', 'smalltalk:identity'],
    ['talk later', 'smalltalk:goodbye'],
    ['goodbye, have a nice day', 'smalltalk:goodbye'],
    ['ok bye, take care', 'smalltalk:goodbye'],
    ['see you later, thanks again', 'smalltalk:goodbye'],
    ['ok thanks bye', 'smalltalk:goodbye'],
    ["ok I'll sleep on it", 'smalltalk:acknowledgement'],
    ["Thank you, that's really helpful. I'll think about it.", 'smalltalk:thanks'],
    ['ty ttyl', 'smalltalk:goodbye'],
    ['cool thx see ya', 'smalltalk:goodbye'],
    ["hey how's it going", 'smalltalk:greeting'],
    ["you've been really helpful, thank you", 'smalltalk:thanks'],
    ['u were a great help thanks', 'smalltalk:thanks'],
  ])('recognises small talk: "%s" is %s', (text, expected) => {
    expect(outcomeOf(text)).toBe(expected);
  });

  it.each([
    'ok so how long is each session',
    'is it ok to just listen',
    'who runs the groups',
    'evening?',
    '\u{1F52A}\u{1FA78}',
    '\u{1F62D}\u{1F62D}',
  ])('reads a question that starts like small talk as a question: "%s"', (text) => {
    expect(outcomeOf(text)).not.toMatch(/^smalltalk/);
  });

  it.each([
    ['feelings', 'feel'],
    ['meeting', 'meet'],
    ['questions', 'question'],
    ['evenings', 'evening'],
    ['quite', 'quite'],
    ['same', 'same'],
    ['lately', 'lately'],
  ])('stems "%s" as "%s"', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it.each(['honestly', 'probably', 'maybe'])('reads the hedge "%s" as no topic word', (word) => {
    expect(isContentWord(word)).toBe(false);
  });

  it('gives the same decision for the same text every time', () => {
    const text = 'what if i decide group isnt for me after a few weeks';
    const first = JSON.stringify(decide(text));
    for (let i = 0; i < 5; i += 1) expect(JSON.stringify(decide(text))).toBe(first);
  });

  it('reads only a bounded prefix of a huge message', () => {
    const rambling = 'I have been thinking about it a lot. '.repeat(3000);
    expect(outcomeOf(`will what I say in group stay confidential? ${rambling}`)).toBe(
      'confidentiality',
    );
  });
});

describe('reading a misspelt word as one the knowledge base knows', () => {
  const typo = createTypoCorrector([
    'confidential',
    'confidentiality',
    'individual',
    'therapy',
    'faces',
    'program',
  ]);

  it.each([
    ['confidentail', 'confidential'],
    ['confidentiallity', 'confidentiality'],
    ['individul', 'individual'],
    ['theraphy', 'therapy'],
    ['therpay', 'therapy'],
    ['programm', 'program'],
  ])('reads "%s" as "%s"', (word, expected) => {
    expect(typo(word)).toBe(expected);
  });

  it('prefers a word one slip away to one two slips away, whichever fuse.js ranks first', () => {
    const words = createTypoCorrector([
      'their',
      'there',
      'third',
      'group',
      'gripe',
      'from',
      'front',
    ]);
    expect(words('thier')).toBe('their');
    expect(words('groip')).toBe('group');
    expect(words('fromn')).toBe('from');
  });

  it('leaves a word longer than any known one alone', () => {
    expect(typo('x'.repeat(600))).toBeUndefined();
  });

  it.each([
    ['france', 'a word three slips from "faces"'],
    ['programmes', 'a word three slips from "program"'],
    ['abc', 'a word too short to read'],
    ['4ever', 'a word with a digit'],
  ])('leaves "%s" alone: %s', (word) => {
    expect(typo(word)).toBeUndefined();
  });
});
