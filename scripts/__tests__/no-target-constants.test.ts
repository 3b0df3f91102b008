/**
 * Targets are data (issue 21): no target value may be written into code. Every source file of the
 * app, the functions and the local runtime is searched for the shapes a target constant takes;
 * the only files allowed one are the seeds' defaults (`target-seeds.ts`, written to the database
 * by a migration) and the demo data (stored records, like any other demo record).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const ROOT = join(__dirname, '..', '..')
const ALLOWED = new Set(['cloudfunctions/_shared/domain/target-seeds.ts', 'server/seed.ts'])

/** What a target constant looks like: an inline target object, a literal target text, a threshold value. */
export const TARGET_CONSTANT_PATTERNS: readonly RegExp[] = [
  /target:\s*\{\s*kind\s*:/,
  /reference:\s*true/,
  /['"`](参考 )?[≥≤] ?[0-9]/,
  /\b(value|target|threshold)\s*:\s*(0\.[0-9]+|49|1180|90)\b/,
  // A judging threshold (临期, 接近, a target's weight in the 考核) as a bare number: it must come from
  // `judging.ts`, where it carries its source (本地规则), the way a target carries its own.
  /\b[A-Z_]*(AT_RISK|CLOSE|SHARE|TARGET_WEIGHT)[A-Z_]*\s*=\s*[0-9.]+\b/,
]

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === '__tests__' || name.startsWith('.')) continue
    const p = join(dir, name)
    if (statSync(p).isDirectory()) sources(p, out)
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p)
  }
  return out
}

/** Code lines (comments describe targets in words, which is fine). */
function codeLines(text: string): { n: number; line: string }[] {
  return text
    .split('\n')
    .map((line, i) => ({ n: i + 1, line }))
    .filter(({ line }) => !/^\s*(\/\/|\/\*\*|\*)/.test(line))
}

describe('no target constant left in code', () => {
  it('the patterns catch the constants the code used to carry', () => {
    const old = [
      "    target: { kind: 'min', value: 0.15, text: '≥ 15%' },",
      "    target: { kind: 'min', value: 90, text: '参考 ≥ 90 分', reference: true },",
      '  const ON_TIME_TARGET = { threshold: 0.9 }',
      'export const AT_RISK_DAYS = 14',
      'export const AT_RISK_PERCENT = 80',
      'export const CLOSE_SHARE = 0.8',
      'export const DUTY_TARGET_WEIGHT = 1',
    ]
    for (const line of old) expect(TARGET_CONSTANT_PATTERNS.some((p) => p.test(line))).toBe(true)
  })

  it('finds none in src/, cloudfunctions/ or server/', () => {
    const hits: string[] = []
    for (const dir of ['src', 'cloudfunctions', 'server']) {
      for (const file of sources(join(ROOT, dir))) {
        const rel = relative(ROOT, file)
        if (ALLOWED.has(rel)) continue
        for (const { n, line } of codeLines(readFileSync(file, 'utf8'))) {
          if (TARGET_CONSTANT_PATTERNS.some((p) => p.test(line))) hits.push(`${rel}:${n}: ${line.trim()}`)
        }
      }
    }
    expect(hits).toEqual([])
  })
})
