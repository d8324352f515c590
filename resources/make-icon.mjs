// Draws resources/icon.png (512×512): three blocks joined into a chain, for 区、块、链.
// Kept as code so the icon can be changed and rebuilt without an image editor:
//   node resources/make-icon.mjs
// Node only (zlib for the PNG's deflate stream); no image libraries.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const size = 512;
const samples = 4; // 4×4 supersampling for smooth edges

const colors = {
  background: [31, 95, 174],
  link: [255, 255, 255],
  block: [255, 255, 255],
  core: [242, 176, 30],
};

/** Signed distance to a rounded rectangle centred at (cx, cy). */
function roundedRect(x, y, cx, cy, halfWidth, halfHeight, radius) {
  const qx = Math.abs(x - cx) - halfWidth + radius;
  const qy = Math.abs(y - cy) - halfHeight + radius;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/** Signed distance to a thick segment from a to b. */
function segment(x, y, [ax, ay], [bx, by], halfWidth) {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t) - halfWidth;
}

const blocks = [
  [140, 320],
  [256, 190],
  [372, 320],
];

// Painted in order; the last shape that contains a point gives its colour.
const layers = [
  { color: colors.background, inside: (x, y) => roundedRect(x, y, 256, 256, 240, 240, 96) <= 0 },
  {
    color: colors.link,
    inside: (x, y) => segment(x, y, blocks[0], blocks[1], 14) <= 0 || segment(x, y, blocks[1], blocks[2], 14) <= 0 || segment(x, y, blocks[0], blocks[2], 14) <= 0,
  },
  { color: colors.block, inside: (x, y) => blocks.some(([cx, cy]) => roundedRect(x, y, cx, cy, 62, 62, 18) <= 0) },
  { color: colors.core, inside: (x, y) => blocks.some(([cx, cy]) => roundedRect(x, y, cx, cy, 30, 30, 8) <= 0) },
];

function pixel(px, py) {
  const sum = [0, 0, 0, 0];
  for (let sy = 0; sy < samples; sy++) {
    for (let sx = 0; sx < samples; sx++) {
      const x = px + (sx + 0.5) / samples;
      const y = py + (sy + 0.5) / samples;
      let color = null;
      for (const layer of layers) if (layer.inside(x, y)) color = layer.color;
      if (!color) continue;
      sum[0] += color[0];
      sum[1] += color[1];
      sum[2] += color[2];
      sum[3] += 255;
    }
  }
  const covered = sum[3] / 255;
  if (covered === 0) return [0, 0, 0, 0];
  // colour averaged over covered samples only: no dark fringe at the transparent edge
  return [sum[0] / covered, sum[1] / covered, sum[2] / covered, sum[3] / (samples * samples)].map(Math.round);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const raw = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) {
  const row = y * (size * 4 + 1);
  raw[row] = 0; // filter: none
  for (let x = 0; x < size; x++) raw.set(pixel(x, y), row + 1 + x * 4);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter set, no interlace

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'icon.png');
writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
