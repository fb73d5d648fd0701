import { readFileSync } from 'node:fs';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly hitCount?: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

export interface Share {
  readonly name: string;
  readonly share: number;
}

export interface ProfileSummary {
  /** Time in the function itself. */
  readonly functions: Share[];
  /** Time in a package, or in one file of ours. */
  readonly packages: Share[];
  /** Time in our own functions and everything they call, on the same stack. */
  readonly ours: Share[];
}

function place(url: string, root: string): string {
  const file = url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
  if (pkg?.[1]) return pkg[1];
  if (file.startsWith(root)) return file.slice(root.length + 1).replace(/^dist\//, '');
  return file === '' ? 'native' : file;
}

function label(frame: CallFrame, root: string): string {
  return `${frame.functionName || '(anonymous)'}  ${place(frame.url, root)}:${frame.lineNumber + 1}`;
}

function top(counts: Map<string, number>, total: number, n: number): Share[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, hits]) => ({ name, share: hits / total }));
}

const add = (counts: Map<string, number>, key: string, hits: number): void => {
  counts.set(key, (counts.get(key) ?? 0) + hits);
};

/** Module bodies run once, at start-up; what matters is the time per turn. */
const isOurs = (frame: CallFrame, root: string): boolean =>
  frame.url.includes(`${root}/dist/`) && !(frame.functionName === '' && frame.lineNumber === 0);

/** Our own functions on a sample's stack, each once however deep the recursion. */
function ourFrames(
  id: number,
  byId: ReadonlyMap<number, ProfileNode>,
  parent: ReadonlyMap<number, number>,
  root: string,
): Set<string> {
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const frame = byId.get(at)?.callFrame;
    if (frame && isOurs(frame, root)) seen.add(label(frame, root));
  }
  return seen;
}

/**
 * Where a --cpu-prof profile's busy time went (idle time left out). Async turns run as separate
 * microtasks, so the totals for our functions only count what happens on their own stack.
 */
export function summarizeCpuProfile(file: string, root: string, n = 12): ProfileSummary {
  const nodes = (JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[] }).nodes;
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  const ours = new Map<string, number>();
  let total = 0;
  for (const { id, hitCount = 0, callFrame } of nodes) {
    if (hitCount === 0 || callFrame.functionName === '(idle)') continue;
    total += hitCount;
    add(functions, label(callFrame, root), hitCount);
    const where = place(callFrame.url, root);
    add(packages, where.startsWith('node:') ? 'node' : where, hitCount);
    for (const name of ourFrames(id, byId, parent, root)) add(ours, name, hitCount);
  }
  const list = (counts: Map<string, number>): Share[] => top(counts, total, n);
  return { functions: list(functions), packages: list(packages), ours: list(ours) };
}
