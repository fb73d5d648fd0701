import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { KnowledgeError } from '../src/knowledgeError';
import { loadKnowledge } from '../src/loadKnowledge';
import { createSafetyCheck, type Risk } from '../src/safetyCheck';
import { normalizeForSafety } from '../src/safetyText';
import { createRespeller, type SafetySpelling } from '../src/safetySpelling';
import { slips } from '../src/slips';
import { editedKnowledge, loadError } from './helpers/editedKnowledge';

const spelling: SafetySpelling = {
  known: new Set(['kicking', 'myself', 'dont', 'want', 'coming', 'bottle', 'heart', 'ready']),
  risk: ['heart', 'bleed', 'killing', 'blade', 'kill', 'husband', 'cute', 'hurt', 'cut', 'really'],
  forms: new Map([
    ['tuk', 'took'],
    ['no1', 'no one'],
  ]),
};
const respell = createRespeller(spelling);
const read = (text: string) => respell(normalizeForSafety(text)).trim();

describe('slips between two spellings', () => {
  it.each([
    ['husbnd', 'husband', 1],
    ['blaed', 'blade', 1],
    ['hert', 'hurt', 1],
    ['sucidie', 'suicide', 2],
    ['kil', 'kill', 1],
    ['kill', 'kill', 0],
  ])('%s → %s is %i', (a, b, n) => {
    expect(slips(a, b, 2)).toBe(n);
  });

  it('stops counting past its limit', () => {
    expect(slips('seaside', 'suicide', 1)).toBe(2);
    expect(slips('cat', 'husband', 2)).toBe(3);
  });
});

describe('reading misspelt risk words', () => {
  it('reads a word no one uses as the risk word one slip away', () => {
    expect(read('my husbnd hits me')).toBe('my husband hits me');
  });

  it('never reads a known word as another, however close', () => {
    expect(read('he keeps kicking the ball')).toBe('he keeps kicking the ball');
  });

  it('prefers the likelier slip: letters swapped, a double letter, then a letter changed', () => {
    expect(read('a blaed')).toBe('a blade');
    expect(read('cutt')).toBe('cut');
    expect(read('hert')).toBe('hurt');
    expect(read('realy')).toBe('really');
  });

  it('splits two words run together when one of them is a risk word', () => {
    expect(read('how to killmyself')).toBe('how to kill myself');
    expect(read('i dontwant this')).toBe('i dontwant this');
  });

  it('restores a dropped g and reads listed forms', () => {
    expect(read('comin tonight')).toBe('coming tonight');
    expect(read('i tuk them, no1 knows')).toBe('i took them no one knows');
  });

  it('leaves short words, numbers and unknown words far from any risk word alone', () => {
    expect(read('ok 2nite at 5pm, bring zzyzx')).toBe('ok 2nite at 5pm bring zzyzx');
  });
});

describe('a message of one enormous word', () => {
  // 30,000 letters with no space: no risk word is within reach, and taking it apart letter by
  // letter would cost the heap of a whole process.
  const word = Array.from(
    { length: 30_000 },
    (_, i) => 'abcdefghijklmnopqrstuvwxyz'[(i * 7) % 26],
  ).join('');
  const knowledge = loadKnowledge('knowledge');

  it('is read by the safety check like any other message', () => {
    expect(createSafetyCheck(knowledge.safety)(word).level).toBe('none');
    expect(createSafetyCheck(knowledge.safety)(`i want to kill myself ${word}`).level).toBe(
      'crisis',
    );
  });
});

describe('the shipped safety check reads misspellings', () => {
  const knowledge = loadKnowledge('knowledge');
  const check = createSafetyCheck(knowledge.safety);
  const asTyped = createSafetyCheck({ ...knowledge.safety, spelling: undefined });
  const severity = (risk: Risk) => ['none', 'concern', 'crisis'].indexOf(risk.level);

  it.each([
    'my husbnd chokes me',
    'all i can think abt is how to killmyself',
    'he sed hell kil me if i leeve',
    'i tuk a hole bottel of my pils',
    'my stepdad tuches me wen mom is at wrk, im 12',
  ])('gives the crisis reply to "%s"', (text) => {
    expect(asTyped(text).level).not.toBe('crisis');
    expect(check(text).level).toBe('crisis');
  });

  it('reads "aint" as "am not", never as "faint"', () => {
    const respell = createRespeller(knowledge.safety.spelling as SafetySpelling);
    expect(respell(normalizeForSafety('it aint fair'))).toBe(' it am not fair ');
    expect(check('i aint gonna be here tomorrow').level).toBe('crisis');
    expect(check('it aint fair, my boss gave the shift to someone else').level).toBe('none');
  });

  it('only ever adds to what the message says as typed, on every labelled message', () => {
    const files = ['dev', 'dev2', 'crisis', 'crisis2', 'crisis3', 'crisis4', 'typos1', 'benign2'];
    const messages = files.flatMap((name) =>
      (parse(readFileSync(`test/eval/${name}.yaml`, 'utf8')) as { q: string }[]).map((i) => i.q),
    );
    const lowered = messages.filter((q) => severity(check(q)) < severity(asTyped(q)));
    expect(messages.length).toBeGreaterThan(1500);
    expect(lowered).toEqual([]);
  });
});

describe('broken spellings', () => {
  const errorOf = (name: string, edit: (text: string) => string): KnowledgeError =>
    loadError(editedKnowledge('knowledge', name, edit));
  const lineOf = (text: string, start: string) =>
    text.split('\n').findIndex((line) => line.startsWith(start)) + 1;

  it('name the line of a form that is not one lowercase word', () => {
    let edited = '';
    const err = errorOf('safety.yaml', (text) => (edited = text.replace('  tuk:', '  Tu K:')));
    expect(err.message).toMatch(/spelling "Tu K" must be one lowercase word/);
    expect(err.file).toMatch(/safety\.yaml$/);
    expect(err.line).toBe(lineOf(edited, '  Tu K:'));
  });

  it('name the line of risk-words.yaml whose words are missing', () => {
    let edited = '';
    const err = errorOf(
      'risk-words.yaml',
      (text) => (edited = text.replace(/ {2}known: >-\n(?: {4}.*\n)+/, '')),
    );
    expect(err.message).toMatch(/"spelling" needs "known"/);
    expect(err.line).toBe(lineOf(edited, 'spelling:'));
  });
});
