import { GLYPH_HEIGHT, GLYPH_WIDTH, glyph } from './glyphs';

/** RGBA pixels, row by row, starting fully transparent. */
export interface Raster {
  readonly width: number;
  readonly height: number;
  readonly pixels: Buffer;
}

export type Rgba = readonly [number, number, number, number];

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly radius: number;
}

export function createRaster(size: number): Raster {
  return { width: size, height: size, pixels: Buffer.alloc(size * size * 4) };
}

function setPixel(raster: Raster, x: number, y: number, color: Rgba): void {
  Buffer.from(color).copy(raster.pixels, (y * raster.width + x) * 4);
}

/** Whether the centre of pixel (px, py) lies inside the rounded square. */
function inside(box: Box, px: number, py: number): boolean {
  const x = px + 0.5 - box.x;
  const y = py + 0.5 - box.y;
  if (x < 0 || y < 0 || x > box.size || y > box.size) return false;
  const dx = Math.max(box.radius - x, x - (box.size - box.radius), 0);
  const dy = Math.max(box.radius - y, y - (box.size - box.radius), 0);
  return dx * dx + dy * dy <= box.radius * box.radius;
}

/** Fills `outer` but not `hole`, so a hole gives an outline. */
export function fillRoundedSquare(raster: Raster, outer: Box, color: Rgba, hole?: Box): void {
  for (let y = 0; y < raster.height; y += 1) {
    for (let x = 0; x < raster.width; x += 1) {
      if (inside(outer, x, y) && !(hole && inside(hole, x, y))) setPixel(raster, x, y, color);
    }
  }
}

/** Draws capital letters centred on the raster, each glyph pixel `scale` pixels square. */
export function drawCentredText(raster: Raster, text: string, scale: number, color: Rgba): void {
  const letters = [...text].map((letter) => glyph(letter)).filter((g) => g !== undefined);
  const width = (letters.length * (GLYPH_WIDTH + 1) - 1) * scale;
  const left = Math.floor((raster.width - width) / 2);
  const top = Math.floor((raster.height - GLYPH_HEIGHT * scale) / 2);
  letters.forEach((rows, i) => {
    rows.forEach((row, gy) =>
      row.forEach((on, gx) => {
        if (!on) return;
        const x0 = left + (i * (GLYPH_WIDTH + 1) + gx) * scale;
        const y0 = top + gy * scale;
        for (let y = y0; y < y0 + scale; y += 1)
          for (let x = x0; x < x0 + scale; x += 1) setPixel(raster, x, y, color);
      }),
    );
  });
}
