/**
 * Reads a comma-separated list of web origins ("https://www.example.com"), adding a problem for
 * each entry that is not exactly an origin: a path or a wildcard would silently widen who may
 * embed the chat or call it.
 */
export function readOrigins(name: string, raw: string | undefined, problems: string[]): string[] {
  const entries = (raw ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const origins: string[] = [];
  for (const entry of entries) {
    let origin = '';
    try {
      const url = new URL(entry);
      origin = url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : '';
    } catch {
      origin = '';
    }
    if (origin === entry) origins.push(origin);
    else {
      problems.push(
        `${name} must list origins such as https://www.example.com (scheme and host, no path), got "${entry}"`,
      );
    }
  }
  return origins;
}
