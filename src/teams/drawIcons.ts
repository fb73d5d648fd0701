import { encodePng } from './encodePng';
import { createRaster, drawCentredText, fillRoundedSquare, type Rgba } from './raster';

const WHITE: Rgba = [255, 255, 255, 255];
const MINOR_WORDS = new Set(['and', 'the', 'of', 'for', 'a', 'an']);

/** Up to two capital initials from a name, skipping small words and letters without a glyph. */
export function initialsOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[\s&-]+/)
    .filter((word) => !MINOR_WORDS.has(word.toLowerCase()))
    .map((word) => word.charAt(0).toUpperCase())
    .filter((letter) => /^[A-Z]$/.test(letter))
    .slice(0, 2)
    .join('');
}

function parseHex(color: string): Rgba {
  const n = Number.parseInt(color.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff, 255];
}

/** Teams' 192×192 full-colour icon: white initials on a rounded square of the accent colour. */
export function drawColorIcon(initials: string, accentColor: string): Buffer {
  const raster = createRaster(192);
  fillRoundedSquare(raster, { x: 0, y: 0, size: 192, radius: 40 }, parseHex(accentColor));
  drawCentredText(raster, initials, 10, WHITE);
  return encodePng(raster);
}

/** Teams' 32×32 outline icon: only white, on transparency, as Teams tints it itself. */
export function drawOutlineIcon(initials: string): Buffer {
  const raster = createRaster(32);
  fillRoundedSquare(raster, { x: 0, y: 0, size: 32, radius: 7 }, WHITE, {
    x: 2,
    y: 2,
    size: 28,
    radius: 5,
  });
  drawCentredText(raster, initials, 2, WHITE);
  return encodePng(raster);
}
