import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count, percent, print } from './benchFormat';
import { compareWithEcho } from './compareBench';
import { summarizeCpuProfile, type Share } from './cpuProfileSummary';
import { createLoadMix, describeMix } from './loadMix';
import { loadKnowledge } from '../loadKnowledge';
import { soak } from './soakBench';

const CONVERSATIONS = 10_000;
const COMPARE = { connections: 10, warmupSeconds: 3, seconds: 15, rounds: 3 };
const SOAK = { connections: 10, warmupTurns: 10_000, turns: 100_000, step: 20_000 };
const FLAGS = new Set(['--soak', '--cpu-prof']);

const USAGE = `usage: npm run bench [-- --soak | --cpu-prof]
  (none)      the service against a bare echo bot: throughput, latency and memory
  --soak      100,000 turns against the service after a warm-up: memory growth
  --cpu-prof  as with no flag, and profile the service: where its CPU time goes`;

function printProfile(dir: string): void {
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no CPU profile was written to ${dir}`);
  const full = path.join(dir, file);
  const { functions, packages, ours } = summarizeCpuProfile(full, process.cwd());
  const shares = (list: Share[]): string[] =>
    list.map(({ name, share }) => `  ${percent(share).padStart(6)}  ${name}`);
  print([
    '',
    `service CPU profile (start-up and warm-up included): ${full}`,
    'shares of busy time, in the function itself:',
    ...shares(functions),
    'in a package, or in one file of ours:',
    ...shares(packages),
    'in our functions and what they call on the same stack:',
    ...shares(ours),
  ]);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => !FLAGS.has(arg));
  if (unknown.length > 0 || (args.includes('--soak') && args.includes('--cpu-prof'))) {
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const ids = new Set(loadKnowledge('knowledge').byId.keys());
  const createMix = () => createLoadMix(ids, CONVERSATIONS);
  print([`mix: ${describeMix(createMix().items)}, over ${count(CONVERSATIONS)} conversations`]);
  if (args.includes('--soak')) return soak(createMix(), SOAK);
  const profileDir = args.includes('--cpu-prof')
    ? mkdtempSync(path.join(tmpdir(), 'faq-bot-cpu-prof-'))
    : undefined;
  const serviceExecArgv = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  await compareWithEcho(createMix, { ...COMPARE, serviceExecArgv });
  if (profileDir) printProfile(profileDir);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
