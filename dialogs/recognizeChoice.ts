import { NONE_OF_THESE, type Choice } from '../src/reply';

const DECLINE = new Set(['none', 'none of these', 'none of them', 'neither', 'no', 'nope']);

/**
 * Recognises a pick from the choices on offer: an exact label, a button's value, or a bare
 * number. Anything else is a new question. botbuilder's own recognizer is too eager here: it
 * reads "I have 2 kids, can I still join?" as choice 2.
 */
export function recognizeChoice(text: string, choices: readonly Choice[]): Choice | undefined {
  const said = text
    .trim()
    .toLowerCase()
    .replace(/^#/, '')
    .replace(/[.!)]+$/, '');
  const number = /^\d{1,2}$/.test(said) ? Number(said) : undefined;
  if (number !== undefined) return choices[number - 1];
  const exact = choices.find((c) => c.label.toLowerCase() === said || c.value === said);
  if (exact) return exact;
  return DECLINE.has(said) ? choices.find((c) => c.value === NONE_OF_THESE) : undefined;
}
