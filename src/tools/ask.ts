import { createInterface } from 'node:readline';
import { loadKnowledge } from '../loadKnowledge';
import type { Candidate } from '../decideMatch';
import type { Reply } from '../reply';
import { createTurnRunner } from './turnRunner';

function summary(text: string, reply: Reply): Record<string, unknown> {
  const decision = reply.decision;
  return {
    text,
    outcome: reply.outcome,
    entryId: reply.entryId ?? null,
    choices: reply.choices.map((c) => c.value),
    score: decision && 'score' in decision ? decision.score : null,
    ...(reply.risk && reply.risk.level !== 'none' ? { risk: reply.risk } : {}),
  };
}

function describe(text: string, reply: Reply): string {
  const lines = [`decision: ${reply.outcome}${reply.entryId ? ` → ${reply.entryId}` : ''}`];
  if (reply.risk && reply.risk.level !== 'none')
    lines.push(`safety: ${reply.risk.level} (${reply.risk.kind})`);
  if (reply.outcome === 'clarify')
    lines.push(`offered: ${reply.choices.map((c) => c.value).join(', ')}`);
  const decision = reply.decision;
  if (decision && decision.outcome === 'smalltalk') lines.push(`small talk: ${decision.kind}`);
  if (decision && 'candidates' in decision) {
    lines.push('top candidates (score, and wording alone):');
    const row = (c: Candidate, name: string): string =>
      `  ${c.score.toFixed(3)}  ${c.wording.toFixed(3)}  ${name.padEnd(22)} matched "${c.phrasing}"`;
    for (const c of decision.candidates) lines.push(row(c, c.entryId));
    if (decision.notCovered) lines.push(row(decision.notCovered, '(not covered)'));
    if (decision.corrections.length > 0)
      lines.push(`read misspellings as: ${decision.corrections.join(', ')}`);
  }
  return `${JSON.stringify(text)}\n${lines.map((l) => `  ${l}`).join('\n')}`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const channel =
    args.find((a) => a.startsWith('--channel='))?.slice('--channel='.length) ?? 'webchat';
  const run = createTurnRunner(loadKnowledge(process.env.KNOWLEDGE_DIR ?? 'knowledge'));
  const questions = args.filter((a) => !a.startsWith('--'));
  if (!json) {
    if (questions.length === 0)
      throw new Error(
        'usage: npm run ask -- "a question" [--channel=msteams] | npm run ask -- --json < questions.txt',
      );
    for (const q of questions) process.stdout.write(`${describe(q, await run(q, channel))}\n`);
    return;
  }
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() === '') continue;
    process.stdout.write(`${JSON.stringify(summary(line, await run(line, channel)))}\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
