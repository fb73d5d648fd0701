import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Request, Response } from 'restify';
import type { Logger } from 'pino';

const gzipAsync = promisify(gzip);

interface Loaded {
  readonly raw: Buffer;
  readonly gzipped: Buffer;
}

/**
 * Serves one file from memory, gzipped for clients that accept it: Web Chat's bundle is about
 * 4 MB, and a visitor on a phone should not wait for all of it. The file is read on first use,
 * and read again after a failure, so that a bundle fetched after start-up is still served.
 */
export function createStaticFileRoute(file: string, contentType: string, logger: Logger) {
  let loading: Promise<Loaded> | undefined;
  const load = (): Promise<Loaded> => {
    loading ??= readFile(file)
      .then(async (raw) => ({ raw, gzipped: await gzipAsync(raw) }))
      .catch((err: unknown) => {
        loading = undefined;
        throw err;
      });
    return loading;
  };
  return async (req: Request, res: Response): Promise<void> => {
    let loaded: Loaded;
    try {
      loaded = await load();
    } catch (err) {
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
      if (missing) logger.warn({ file: path.basename(file) }, 'file missing; npm start fetches it');
      else logger.error({ err }, 'could not read a static file');
      res.send(missing ? 404 : 500, { error: missing ? 'Not found.' : 'Something went wrong.' });
      return;
    }
    const zipped = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = zipped ? loaded.gzipped : loaded.raw;
    res.writeHead(200, {
      'content-type': contentType,
      'content-length': String(body.length),
      'cache-control': 'public, max-age=86400',
      'x-content-type-options': 'nosniff',
      vary: 'Accept-Encoding',
      ...(zipped ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(body);
  };
}
