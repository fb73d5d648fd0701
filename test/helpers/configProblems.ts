import { loadConfig } from '../../src/config';
import { ConfigError } from '../../src/configError';

/** The problems loadConfig lists for an environment; none when it loads. */
export function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}
