/**
 * Pre-compressed H5 assets: next to each text asset of dist/h5 a `.br` (brotli, quality 11) and a
 * `.gz` (gzip -9), written once per build (skipped while they are newer than the source), so the
 * static server (`@fastify/static` with `preCompressed`) sends them to a browser that accepts them
 * without compressing on every request.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const TEXT = /\.(?:js|css|html|svg|json|txt|map)$/
/** Below this, compression saves less than the extra header costs. */
const MIN_BYTES = 1024

/** Writes missing or stale `.br` / `.gz` files under `dir`; returns how many it wrote. */
export function precompressDir(dir: string): number {
  if (!existsSync(dir)) return 0
  let wrote = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name)
    if (entry.isDirectory()) {
      wrote += precompressDir(file)
      continue
    }
    if (!TEXT.test(entry.name)) continue
    const st = statSync(file)
    if (st.size < MIN_BYTES) continue
    const fresh = (p: string) => existsSync(p) && statSync(p).mtimeMs >= st.mtimeMs
    if (fresh(`${file}.br`) && fresh(`${file}.gz`)) continue
    const buf = readFileSync(file)
    writeFileSync(`${file}.br`, brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }))
    writeFileSync(`${file}.gz`, gzipSync(buf, { level: 9 }))
    wrote += 2
  }
  return wrote
}

/** Hashed asset names (`js/app.1a2b3c.js`, or its `.br` / `.gz` as sent) never change content: cache them for a year. */
const HASHED = /\.[0-9a-f]{6}\.(?:js|css)(?:\.br|\.gz)?$/

/** Cache headers: hashed assets immutable, everything else (index.html) revalidated. */
export function cacheHeaders(res: { setHeader(name: string, value: string): unknown }, path: string): void {
  res.setHeader('cache-control', HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache')
}
