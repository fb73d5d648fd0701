import { deflateSync } from 'node:zlib';
import { crc32 } from './crc32';
import type { Raster } from './raster';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const RGBA = 6;

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function header(raster: Raster): Buffer {
  const b = Buffer.alloc(13);
  b.writeUInt32BE(raster.width, 0);
  b.writeUInt32BE(raster.height, 4);
  b.writeUInt8(8, 8);
  b.writeUInt8(RGBA, 9);
  return b;
}

/** An 8-bit RGBA PNG; every row uses filter 0, since icons this small gain nothing from others. */
export function encodePng(raster: Raster): Buffer {
  const stride = raster.width * 4;
  const rows = Buffer.alloc((stride + 1) * raster.height);
  for (let y = 0; y < raster.height; y += 1) {
    raster.pixels.copy(rows, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header(raster)),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
