import { deflateRawSync } from 'node:zlib';
import { crc32 } from './crc32';

export interface ZipFile {
  readonly name: string;
  readonly data: Buffer;
}

// A fixed date (1980-01-01, the first DOS date) keeps the zip byte-identical from build to build.
const DOS_TIME = 0;
const DOS_DATE = (1 << 5) | 1;
const VERSION = 20;

interface Entry {
  readonly name: Buffer;
  readonly method: number;
  readonly crc: number;
  readonly body: Buffer;
  readonly size: number;
  readonly offset: number;
}

function compress(data: Buffer): { method: number; body: Buffer } {
  const deflated = deflateRawSync(data, { level: 9 });
  return deflated.length < data.length ? { method: 8, body: deflated } : { method: 0, body: data };
}

/** The fields that the local header and the central directory record share, from "version needed". */
function commonFields(entry: Entry): Buffer {
  const b = Buffer.alloc(26);
  b.writeUInt16LE(VERSION, 0);
  b.writeUInt16LE(0, 2);
  b.writeUInt16LE(entry.method, 4);
  b.writeUInt16LE(DOS_TIME, 6);
  b.writeUInt16LE(DOS_DATE, 8);
  b.writeUInt32LE(entry.crc, 10);
  b.writeUInt32LE(entry.body.length, 14);
  b.writeUInt32LE(entry.size, 18);
  b.writeUInt16LE(entry.name.length, 22);
  b.writeUInt16LE(0, 24);
  return b;
}

function localHeader(entry: Entry): Buffer {
  const signature = Buffer.alloc(4);
  signature.writeUInt32LE(0x04034b50);
  return Buffer.concat([signature, commonFields(entry), entry.name]);
}

function centralRecord(entry: Entry): Buffer {
  const head = Buffer.alloc(6);
  head.writeUInt32LE(0x02014b50, 0);
  head.writeUInt16LE(VERSION, 4);
  const tail = Buffer.alloc(14);
  tail.writeUInt32LE(entry.offset, 10);
  return Buffer.concat([head, commonFields(entry), tail, entry.name]);
}

function endOfCentralDirectory(count: number, size: number, offset: number): Buffer {
  const b = Buffer.alloc(22);
  b.writeUInt32LE(0x06054b50, 0);
  b.writeUInt16LE(count, 8);
  b.writeUInt16LE(count, 10);
  b.writeUInt32LE(size, 12);
  b.writeUInt32LE(offset, 16);
  return b;
}

/** A ZIP archive (deflated where that is smaller) of a few small files, all at the root. */
export function createZip(files: readonly ZipFile[]): Buffer {
  const parts: Buffer[] = [];
  const entries: Entry[] = [];
  let offset = 0;
  for (const file of files) {
    const entry = {
      name: Buffer.from(file.name, 'ascii'),
      crc: crc32(file.data),
      size: file.data.length,
      offset,
      ...compress(file.data),
    };
    const header = localHeader(entry);
    parts.push(header, entry.body);
    entries.push(entry);
    offset += header.length + entry.body.length;
  }
  const directory = Buffer.concat(entries.map(centralRecord));
  return Buffer.concat([
    ...parts,
    directory,
    endOfCentralDirectory(entries.length, directory.length, offset),
  ]);
}
