/** Plain, fixed-width figures for the benchmark's tables. */
export const count = (n: number): string => Math.round(n).toLocaleString('en-US');
export const ms = (value: number): string => `${value.toFixed(2)} ms`;
export const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
export const percent = (ratio: number): string => `${(ratio * 100).toFixed(1)}%`;
export const signedPercent = (ratio: number): string => `${ratio >= 0 ? '+' : ''}${percent(ratio)}`;

/** One table row: the first cell left-aligned, the rest right-aligned to the given widths. */
export function row(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
    .join('  ')
    .trimEnd();
}

export function print(lines: readonly string[]): void {
  process.stdout.write(`${lines.join('\n')}\n`);
}
