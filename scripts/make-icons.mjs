#!/usr/bin/env node
// Draws Dogear's toolbar icon (a page with a folded corner on an amber tile) as PNGs in public/icon/.
// Run once after changing the drawing; the PNGs are committed. No dependencies: raw RGBA + zlib.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Drawing in unit coordinates (0..1), supersampled 4×4 per pixel for smooth edges.
const AMBER = [217, 119, 6];
const PAGE = [255, 251, 235];
const FOLD = [253, 230, 138];
const LINE = [180, 83, 9];
function colorAt(u, v) {
  const r = 0.2;
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return null; // outside the rounded tile
  const [px0, py0, px1, py1, fold] = [0.24, 0.16, 0.76, 0.84, 0.2];
  if (u >= px0 && u <= px1 && v >= py0 && v <= py1) {
    const dx = px1 - u;
    const dy = v - py0;
    if (dx + dy < fold) return dx + dy > fold - 0.035 ? LINE : AMBER; // the corner that is turned down
    if (u - (px1 - fold) + (py0 + fold - v) > 0 && u > px1 - fold && v < py0 + fold) return FOLD;
    for (const ly of [0.5, 0.62, 0.74])
      if (Math.abs(v - ly) < 0.025 && u > 0.33 && u < (ly === 0.74 ? 0.55 : 0.67)) return LINE;
    return PAGE;
  }
  return AMBER;
}
mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const S = 4;
  writeFileSync(
    `public/icon/${size}.png`,
    png(size, (x, y) => {
      const acc = [0, 0, 0, 0];
      for (let i = 0; i < S; i++)
        for (let j = 0; j < S; j++) {
          const c = colorAt((x + (i + 0.5) / S) / size, (y + (j + 0.5) / S) / size);
          if (!c) continue;
          acc[0] += c[0];
          acc[1] += c[1];
          acc[2] += c[2];
          acc[3] += 255;
        }
      const n = acc[3] / 255 || 1;
      return [acc[0] / n, acc[1] / n, acc[2] / n, acc[3] / (S * S)].map(Math.round);
    }),
  );
}
console.log('icons written to public/icon/');
