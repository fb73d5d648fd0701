import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { access, copyFile, mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { WebChatFetchError } from './webChatFetchError';

export const WEBCHAT_VERSION = '4.18.1';
/** The bundle is not in package-lock.json, so its tarball's integrity is pinned here instead. */
const WEBCHAT_INTEGRITY =
  'sha512-7jpEUJ7olT62Xm+8eh7BhhIcXVfU2xD4pZDaeBt8K4XcNy6K/83UGIxE9BFkXmHMZ4hDEVOzs5cre07GWuaXzg==';
export const WEBCHAT_BUNDLE = 'webchat.js';
/** The license notices of everything in the bundle; MIT-licensed code asks to travel with them. */
export const WEBCHAT_LICENSE = 'webchat.js.LICENSE.txt';

const run = promisify(execFile);

/** Where the bundle lives: under the working directory, as the knowledge folder does. */
export function webChatDir(root = '.'): string {
  return path.resolve(root, '.cache', 'webchat', WEBCHAT_VERSION);
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

async function packTarball(into: string): Promise<string> {
  const spec = `botframework-webchat@${WEBCHAT_VERSION}`;
  const { stdout } = await run(
    'npm',
    ['pack', spec, '--pack-destination', into, '--json', '--ignore-scripts'],
    { maxBuffer: 16 * 1024 * 1024 },
  ).catch((err: unknown) => {
    throw new WebChatFetchError(`npm pack ${spec} failed`, err);
  });
  const [packed] = JSON.parse(stdout) as { filename?: string }[];
  const tarball = path.join(into, path.basename(packed?.filename ?? ''));
  const integrity = `sha512-${createHash('sha512')
    .update(await readFile(tarball))
    .digest('base64')}`;
  if (integrity !== WEBCHAT_INTEGRITY) {
    throw new WebChatFetchError(`${spec} does not match its pinned integrity (got ${integrity})`);
  }
  return tarball;
}

async function extract(tarball: string, into: string, files: readonly string[]): Promise<void> {
  const members = files.map((file) => `package/dist/${file}`);
  await run('tar', ['-xzf', tarball, '-C', into, ...members]).catch((err: unknown) => {
    throw new WebChatFetchError(`tar could not extract ${path.basename(tarball)}`, err);
  });
}

/** Copies then renames, so that a reader, or a second fetch running at once, never sees half a file. */
async function place(from: string, to: string): Promise<void> {
  const partial = `${to}.${randomBytes(6).toString('hex')}.partial`;
  await copyFile(from, partial);
  await rename(partial, to);
}

/**
 * Puts Web Chat's browser bundle and its license notices in `dir`, through npm and tar, so that
 * the page never loads a script from a CDN. Does nothing when both are already there.
 */
export async function fetchWebChatBundle(dir: string): Promise<'present' | 'fetched'> {
  const files = [WEBCHAT_LICENSE, WEBCHAT_BUNDLE];
  const present = await Promise.all(files.map((file) => exists(path.join(dir, file))));
  if (present.every(Boolean)) return 'present';
  const work = await mkdtemp(path.join(os.tmpdir(), 'webchat-'));
  try {
    const tarball = await packTarball(work);
    await extract(tarball, work, files);
    await mkdir(dir, { recursive: true });
    // The bundle goes last, so that a run cut short leaves it missing and the next one starts over.
    for (const file of files) {
      await place(path.join(work, 'package', 'dist', file), path.join(dir, file));
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return 'fetched';
}
