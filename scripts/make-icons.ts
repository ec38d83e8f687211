// Draws the toolbar/store icon once: a yellow rounded square (小黄车, the yellow cart) with a dark check mark
// (lint). Run `npx tsx scripts/make-icons.ts` after changing the drawing; the PNGs are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { encodePng } from './png';

export const ICON_SIZES = [16, 32, 48, 128] as const;

const YELLOW = [255, 196, 0] as const;
const INK = [31, 35, 40] as const;
const SUPERSAMPLE = 4;

/** Coordinates are in a 0..1 square. */
function insideRoundedSquare(x: number, y: number): boolean {
  const margin = 0.04;
  const radius = 0.2;
  const cx = Math.min(Math.max(x, margin + radius), 1 - margin - radius);
  const cy = Math.min(Math.max(y, margin + radius), 1 - margin - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function distanceToSegment(x: number, y: number, [ax, ay]: number[], [bx, by]: number[]): number {
  const t = Math.max(
    0,
    Math.min(1, ((x - ax!) * (bx! - ax!) + (y - ay!) * (by! - ay!)) / ((bx! - ax!) ** 2 + (by! - ay!) ** 2)),
  );
  return Math.hypot(x - (ax! + t * (bx! - ax!)), y - (ay! + t * (by! - ay!)));
}

function onCheckMark(x: number, y: number, size: number): boolean {
  // Thicker strokes at small sizes so the mark survives 16 px.
  const halfWidth = size <= 16 ? 0.1 : size <= 32 ? 0.085 : 0.07;
  const corner = [0.42, 0.7];
  return (
    distanceToSegment(x, y, [0.24, 0.5], corner) <= halfWidth ||
    distanceToSegment(x, y, corner, [0.77, 0.3]) <= halfWidth
  );
}

export function drawIcon(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let square = 0;
      let ink = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          if (!insideRoundedSquare(x, y)) continue;
          square++;
          if (onCheckMark(x, y, size)) ink++;
        }
      }
      const samples = SUPERSAMPLE * SUPERSAMPLE;
      const inkShare = square ? ink / square : 0;
      const offset = (py * size + px) * 4;
      for (let channel = 0; channel < 3; channel++) {
        pixels[offset + channel] = Math.round(YELLOW[channel]! * (1 - inkShare) + INK[channel]! * inkShare);
      }
      pixels[offset + 3] = Math.round((255 * square) / samples);
    }
  }
  return pixels;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = new URL('../public/icons/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    writeFileSync(new URL(`icon-${size}.png`, dir), encodePng(size, size, drawIcon(size)));
    console.log(`public/icons/icon-${size}.png`);
  }
}
