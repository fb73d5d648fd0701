import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadKnowledge } from '../src/loadKnowledge';
import { editedKnowledge, loadError } from './helpers/editedKnowledge';

const SHIPPED_IDS = [
  'support-vs-therapy',
  'what-is-group',
  'reasons-to-join',
  'how-it-works',
  'why-pay-attention',
  'example-sam',
  'example-jane',
  'how-it-helps',
  'relational-patterns',
  'individual-therapy',
  'forced-to-share',
  'confidentiality',
  'how-long',
  'leaving',
  'getting-accustomed',
  'ten-suggestions',
  ...Array.from({ length: 10 }, (_, i) => `suggestion-${i + 1}`),
];

describe('the shipped knowledge base', () => {
  const knowledge = loadKnowledge('knowledge');

  it('holds all 26 entries of the FAQ', () => {
    expect(knowledge.entries.map((e) => e.id)).toEqual(SHIPPED_IDS);
  });

  it("answers only with the document's own words, after the allowed layout repairs", () => {
    const document = readFileSync('knowledge/source/group-therapy-faq.txt', 'utf8')
      .replace(/youthsomething/g, 'youth-something')
      .replace(/•/g, ' ')
      .replace(/\s+/g, ' ');
    for (const entry of knowledge.entries) {
      for (const line of entry.answer.split('\n').filter((l) => l.trim() !== '')) {
        expect(document).toContain(line.replace(/^• /, '').replace(/\s+/g, ' ').trim());
      }
    }
  });

  it('gives every entry a short button label and at least eight alternates', () => {
    for (const entry of knowledge.entries) {
      expect(entry.label.length).toBeLessThanOrEqual(20);
      expect(entry.alternates.length).toBeGreaterThanOrEqual(8);
    }
  });

  it('offers the examples after why-pay-attention and the ten suggestions after ten-suggestions', () => {
    expect(knowledge.byId.get('why-pay-attention')?.followUps).toEqual([
      'example-sam',
      'example-jane',
    ]);
    expect(knowledge.byId.get('ten-suggestions')?.followUps).toEqual(SHIPPED_IDS.slice(16));
  });

  it('ships with placeholders, and knows which', () => {
    expect(knowledge.placeholders).toEqual([
      'practiceName',
      'therapistName',
      'phone',
      'email',
      'website',
      'privacyUrl',
      'termsUrl',
    ]);
  });
});

describe('a broken knowledge file', () => {
  const withFaq = (edit: (faq: string) => string): string =>
    editedKnowledge('test/fixtures/knowledge-small', 'faq.yaml', edit);
  const errorOf = loadError;

  it('loads when it is valid, with no placeholders', () => {
    const knowledge = loadKnowledge('test/fixtures/knowledge-small');
    expect(knowledge.entries).toHaveLength(2);
    expect(knowledge.placeholders).toEqual([]);
    expect(knowledge.resources.emergency).toBe('999');
  });

  it.each([
    [
      'a duplicate id',
      (f: string) => f.replace('id: friends', 'id: parking'),
      11,
      'parking',
      'duplicate id "parking"',
    ],
    [
      'an empty answer',
      (f: string) => f.replace('No. Groups are for members only.', ''),
      16,
      'friends',
      '"answer" must be a non-empty text',
    ],
    [
      'an unknown follow-up',
      (f: string) => f.replace('followUps: [parking]', 'followUps: [parkin]'),
      18,
      'friends',
      'follow-up "parkin" is not an entry id',
    ],
    [
      'an alternate under two entries',
      (f: string) => f.replace('can my partner come', 'Where do I park?'),
      15,
      'friends',
      'alternate "Where do I park?" is also under entry "parking"',
    ],
    [
      'an answer that drifts from the source',
      (f: string) => f.replace('free parking', 'cheap parking'),
      9,
      'parking',
      'answer is not word for word from the source',
    ],
    [
      'a label too long for a button',
      (f: string) => f.replace('label: Parking', 'label: Parking for cars and bikes'),
      5,
      'parking',
      'label must be at most 20 characters',
    ],
    [
      'broken YAML',
      (f: string) => f.replace('  - id: friends', '  - id: [friends'),
      12,
      undefined,
      'not valid YAML',
    ],
  ])('with %s fails with its file, line and entry', (_what, edit, line, entryId, problem) => {
    const dir = withFaq(edit);
    const err = errorOf(dir);
    expect(err.file).toBe(path.join(dir, 'faq.yaml'));
    expect(err.entryId).toBe(entryId);
    expect(err.line).toBe(line);
    expect(err.problem).toContain(problem);
  });

  // The fixture's alternates as a block of lines, the way the shipped faq.yaml writes them.
  const asBlock = (f: string): string =>
    f
      .replace(
        '    alternates:\n      - where do I park\n      - car park',
        [
          '    alternates: |',
          '      where do I park',
          '',
          '      # people who drive',
          '      car park',
        ].join('\n'),
      )
      .replace(
        '    alternates:\n      - can my partner come',
        '    alternates: |\n      can my partner come',
      );

  it('reads alternates written as a block of lines, leaving out blank lines and comments', () => {
    const list = loadKnowledge('test/fixtures/knowledge-small');
    const block = loadKnowledge(withFaq(asBlock));
    expect(block.entries.map((e) => e.alternates)).toEqual([
      ['where do I park', 'car park'],
      ['can my partner come'],
    ]);
    expect(block.entries).toEqual(list.entries);
  });

  it('reads not-covered.yaml as a list or a block of lines, and names the line of a bad one', () => {
    const list = editedKnowledge('knowledge', 'not-covered.yaml', (f) =>
      f.replace(/^phrasings: \|\n((?: {2}.*\n?)+)/m, (_, block: string) =>
        [
          'phrasings:',
          ...block
            .trimEnd()
            .split('\n')
            .map((l) => `  - ${JSON.stringify(l.trim())}`),
        ]
          .join('\n')
          .concat('\n'),
      ),
    );
    expect(loadKnowledge(list).notCovered).toEqual(loadKnowledge('knowledge').notCovered);
    const folded = editedKnowledge('knowledge', 'not-covered.yaml', (f) =>
      f.replace('phrasings: |', 'phrasings: >'),
    );
    const err = errorOf(folded);
    expect(err.file).toBe(path.join(folded, 'not-covered.yaml'));
    const header = readFileSync(path.join(folded, 'not-covered.yaml'), 'utf8')
      .split('\n')
      .findIndex((line) => line.startsWith('phrasings:'));
    expect(err.line).toBe(header + 1);
    expect(err.problem).toContain('a block of lines after "phrasings: |"');
    const empty = editedKnowledge('knowledge', 'not-covered.yaml', (f) =>
      f.replace('phrasings: |', 'phrasings:\n  - ""\nunused: |'),
    );
    const emptyErr = errorOf(empty);
    expect(emptyErr.line).toBe(header + 2);
    expect(emptyErr.problem).toBe('every item of "phrasings" must be a non-empty text');
  });

  it.each([
    [
      'an alternate under two entries',
      (f: string) => asBlock(f).replace('can my partner come', 'Car park'),
      17,
      'friends',
      'alternate "Car park" is also under entry "parking"',
    ],
    [
      'a folded block, which would join its lines into one',
      (f: string) => asBlock(f).replace('alternates: |\n      where', 'alternates: >\n      where'),
      6,
      'parking',
      '"alternates" must be a list, or a block of lines after "alternates: |"',
    ],
    [
      'an empty item in a list',
      (f: string) => f.replace('      - car park', '      - ""'),
      8,
      'parking',
      'every item of "alternates" must be a non-empty text',
    ],
  ])('in a block of alternates, %s fails with its line', (_what, edit, line, entryId, problem) => {
    const dir = withFaq(edit);
    const err = errorOf(dir);
    expect(err.entryId).toBe(entryId);
    expect(err.line).toBe(line);
    expect(err.problem).toContain(problem);
  });

  it.each([
    ['no crisis lines', '    crisisLines: []'],
    ['a blank crisis line', '    crisisLines:\n      - "  "'],
  ])('with a region that has %s fails with the region and its line', (_what, lines) => {
    const dir = editedKnowledge('test/fixtures/knowledge-small', 'safety.yaml', (f) =>
      f.replace('    crisisLines:\n      - "Call Samaritans free on 116 123"', lines),
    );
    const err = errorOf(dir);
    expect(err.file).toBe(path.join(dir, 'safety.yaml'));
    expect(err.line).toBe(3);
    expect(err.problem).toBe('region UK needs "crisisLines" as a list of texts');
  });
});
