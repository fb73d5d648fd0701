import { watch, type FSWatcher } from 'node:fs';

const SETTLE_MS = 250;

/**
 * Calls `reload` once an edit to the knowledge folder has settled: editors write a file in
 * several steps, and a half-written file must not be loaded.
 */
export function watchKnowledge(dir: string, reload: () => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dir, { recursive: true, persistent: false }, () => {
      clearTimeout(timer);
      timer = setTimeout(reload, SETTLE_MS);
    });
  } catch {
    // Some file systems cannot be watched; SIGHUP still reloads.
    watcher = undefined;
  }
  return () => {
    clearTimeout(timer);
    watcher?.close();
  };
}
