import type { Reply } from '../reply';
import type { EvalItem } from './evalSet';

export interface Scored {
  readonly item: EvalItem;
  readonly reply: Reply;
  /** The ids of what the bot did: an entry id, the clarify choices, or its outcome. */
  readonly got: string;
  readonly verdict: 'right' | 'clarified' | 'wrong' | 'missed';
}

export interface Figures {
  readonly inScope: number;
  readonly answeredRight: number;
  readonly resolved: number;
  readonly wrongAnswers: number;
  readonly outOfScope: number;
  readonly fallbackRight: number;
  readonly smallTalk: number;
  readonly smallTalkRight: number;
  readonly crisis: number;
  readonly crisisCaught: number;
  readonly benign: number;
  readonly falseAlarms: number;
  readonly messages: number;
}

function describe(reply: Reply): string {
  if (reply.outcome === 'answer') return reply.entryId ?? 'answer';
  if (reply.outcome === 'clarify') return `clarify(${reply.choices.map((c) => c.value).join(',')})`;
  return reply.outcome;
}

export function scoreItem(item: EvalItem, reply: Reply): Scored {
  const got = describe(reply);
  const { expect } = item;
  let verdict: Scored['verdict'];
  if (typeof expect !== 'string') {
    if (reply.outcome === 'answer')
      verdict = expect.includes(reply.entryId ?? '') ? 'right' : 'wrong';
    else if (reply.outcome === 'clarify' && reply.choices.some((c) => expect.includes(c.value)))
      verdict = 'clarified';
    else verdict = 'missed';
  } else if (expect === 'benign') {
    verdict = reply.outcome === 'crisis' ? 'wrong' : 'right';
  } else if (reply.outcome === expect || (expect === 'fallback' && reply.outcome === 'clinical')) {
    verdict = 'right';
  } else {
    verdict = reply.outcome === 'answer' ? 'wrong' : 'missed';
  }
  return { item, reply, got, verdict };
}

export function computeFigures(scored: readonly Scored[]): Figures {
  const count = (test: (s: Scored) => boolean): number => scored.filter(test).length;
  const inScope = (s: Scored): boolean => typeof s.item.expect !== 'string';
  const is = (label: string) => (s: Scored) => s.item.expect === label;
  const isBenign = (s: Scored): boolean => s.item.expect !== 'crisis';
  return {
    messages: scored.length,
    inScope: count(inScope),
    answeredRight: count((s) => inScope(s) && s.verdict === 'right'),
    resolved: count((s) => inScope(s) && (s.verdict === 'right' || s.verdict === 'clarified')),
    wrongAnswers: count((s) => s.reply.outcome === 'answer' && s.verdict === 'wrong'),
    outOfScope: count(is('fallback')),
    // The clinical-boundary reply is a fallback too: no FAQ answer, and the practice's contacts.
    fallbackRight: count((s) => is('fallback')(s) && s.verdict === 'right'),
    smallTalk: count(is('smalltalk')),
    smallTalkRight: count((s) => is('smalltalk')(s) && s.verdict === 'right'),
    crisis: count(is('crisis')),
    crisisCaught: count((s) => is('crisis')(s) && s.reply.outcome === 'crisis'),
    benign: count(isBenign),
    falseAlarms: count((s) => isBenign(s) && s.reply.outcome === 'crisis'),
  };
}

/** Wilson score interval for a proportion, at 95%. */
export function wilson(successes: number, total: number): [number, number] {
  if (total === 0) return [0, 0];
  const z = 1.96;
  const p = successes / total;
  const centre = (p + (z * z) / (2 * total)) / (1 + (z * z) / total);
  const half =
    (z / (1 + (z * z) / total)) * Math.sqrt((p * (1 - p)) / total + (z * z) / (4 * total * total));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
