import { blockLines } from './yamlFile';

/**
 * A safety rule's examples as safety.yaml writes them: a block of lines after "examples: |", one
 * example a line, or a YAML list. The tests check each against its rule, and the risk words learn
 * from them; the bot itself never reads them.
 */
export function examplesOf(value: unknown): string[] {
  if (typeof value === 'string') return blockLines(value).map(({ text }) => text);
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}
