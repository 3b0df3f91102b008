/**
 * Draws the tab bar icons (81×81 PNG, a few hundred bytes each) into src/assets/tabbar/.
 * Run after changing a shape or the theme colour: `npx tsx config/tabbar-icons.ts`.
 * Shapes are signed-distance functions sampled 4×4 per pixel, so edges are smooth.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { ICON_GRID, ICON_STROKE, type IconShape, TAB_COLORS, TAB_ICONS } from '../src/components/tab-bar/tabs'

const SIZE = ICON_GRID
const STROKE = ICON_STROKE
const COLORS = { normal: TAB_COLORS.icon, active: TAB_COLORS.selected }

type Sdf = (x: number, y: number) => number

const stroke = (sd: Sdf, w = STROKE): Sdf => (x, y) => Math.abs(sd(x, y)) - w / 2
const union = (...sds: Sdf[]): Sdf => (x, y) => Math.min(...sds.map((s) => s(x, y)))

function roundBox(cx: number, cy: number, hw: number, hh: number, r: number): Sdf {
  return (x, y) => {
    const qx = Math.abs(x - cx) - hw + r
    const qy = Math.abs(y - cy) - hh + r
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r
  }
}

function segment(ax: number, ay: number, bx: number, by: number, w = STROKE): Sdf {
  return (x, y) => {
    const pax = x - ax
    const pay = y - ay
    const bax = bx - ax
    const bay = by - ay
    const h = Math.max(0, Math.min(1, (pax * bax + pay * bay) / (bax * bax + bay * bay)))
    return Math.hypot(pax - bax * h, pay - bay * h) - w / 2
  }
}

function circle(cx: number, cy: number, r: number): Sdf {
  return (x, y) => Math.hypot(x - cx, y - cy) - r
}

/** Upper half of a ring, ends rounded. */
function upperArc(cx: number, cy: number, r: number, w = STROKE): Sdf {
  return (x, y) => {
    if (y <= cy) return Math.abs(Math.hypot(x - cx, y - cy) - r) - w / 2
    const dl = Math.hypot(x - (cx - r), y - cy)
    const dr = Math.hypot(x - (cx + r), y - cy)
    return Math.min(dl, dr) - w / 2
  }
}

/** The shared shape (src/components/tab-bar/tabs.ts) as a signed-distance function. */
function sdfOf(shape: IconShape): Sdf {
  if ('box' in shape) return stroke(roundBox(...shape.box))
  if ('line' in shape) return segment(...shape.line)
  if ('ring' in shape) return stroke(circle(...shape.ring))
  if ('dot' in shape) return circle(...shape.dot)
  return upperArc(...shape.arc)
}

function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

function render(sd: Sdf, color: string): Buffer {
  const [r, g, b] = hexToRgb(color)
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE)
  const n = 4
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0
    for (let x = 0; x < SIZE; x++) {
      let hit = 0
      for (let sy = 0; sy < n; sy++)
        for (let sx = 0; sx < n; sx++) if (sd(x + (sx + 0.5) / n, y + (sy + 0.5) / n) <= 0) hit++
      const o = y * (SIZE * 4 + 1) + 1 + x * 4
      raw[o] = r
      raw[o + 1] = g
      raw[o + 2] = b
      raw[o + 3] = Math.round((hit / (n * n)) * 255)
    }
  }
  return png(raw)
}

const CRC_TABLE = Array.from({ length: 256 }, (_, i) => {
  let c = i
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(buf: Buffer): number {
  let c = 0xffffffff
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 255] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

function png(raw: Buffer): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(SIZE, 0)
  ihdr.writeUInt32BE(SIZE, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** Every tab icon PNG by file name (`policy.png`, `policy-active.png`, …). */
export function tabIconPngs(): Map<string, Buffer> {
  const out = new Map<string, Buffer>()
  for (const [name, shapes] of Object.entries(TAB_ICONS)) {
    const sd = union(...shapes.map(sdfOf))
    for (const [state, color] of Object.entries(COLORS)) out.set(state === 'normal' ? `${name}.png` : `${name}-active.png`, render(sd, color))
  }
  return out
}

export const TAB_ICON_DIR = path.resolve(__dirname, '../src/assets/tabbar')

if (require.main === module) {
  fs.mkdirSync(TAB_ICON_DIR, { recursive: true })
  for (const [name, data] of tabIconPngs()) {
    const file = path.join(TAB_ICON_DIR, name)
    fs.writeFileSync(file, data)
    console.log(`${path.relative(process.cwd(), file)}  ${data.length} B`)
  }
}
