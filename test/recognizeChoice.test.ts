import { recognizeChoice } from '../dialogs/recognizeChoice';
import { NONE_OF_THESE, type Choice } from '../src/reply';

const offered: Choice[] = [
  { value: 'how-long', label: 'How long' },
  { value: 'forced-to-share', label: 'Do I have to share?' },
  { value: NONE_OF_THESE, label: 'None of these' },
];

describe('recognising a pick from "did you mean"', () => {
  it.each([
    ['1', 'how-long'],
    ['2.', 'forced-to-share'],
    [' 2 ', 'forced-to-share'],
    ['How long', 'how-long'],
    ['do i have to share?', 'forced-to-share'],
    ['how-long', 'how-long'],
    ['None of these', NONE_OF_THESE],
    ['neither', NONE_OF_THESE],
    ['no', NONE_OF_THESE],
  ])('reads "%s" as %s', (text, value) => {
    expect(recognizeChoice(text, offered)?.value).toBe(value);
  });

  it.each([
    'I have 2 kids, can I still join?',
    'first time in therapy, what happens in a session?',
    'how long is each session',
    '4',
    'one',
    'the second one i guess but also how many people are there',
  ])('treats "%s" as a new question', (text) => {
    expect(recognizeChoice(text, offered)).toBeUndefined();
  });
});
