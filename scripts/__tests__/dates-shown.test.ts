import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

/**
 * Every date the app shows goes through `dayText` / `minuteText` (`@shared/domain/time`), which
 * read it in Asia/Shanghai. Slicing an ISO instant, offset arithmetic or a locale formatter in a
 * page shows the UTC day (更新于 and a survey's end date did) or a format of its own.
 */
const SRC = join(__dirname, '..', '..', 'src')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return name === '__tests__' ? [] : sources(path)
    return /\.(tsx?|jsx?)$/.test(name) ? [path] : []
  })
}

const FORBIDDEN: { what: string; pattern: RegExp }[] = [
  { what: 'a date cut out of an ISO string', pattern: /(At|On|Date|date|iso)\??\.slice\((0, (10|16)|5|11, 16)\)/ },
  { what: 'a date cut out of toISOString()', pattern: /toISOString\(\)\.slice/ },
  { what: 'Shanghai offset arithmetic', pattern: /8 \* (3600|60 \* 60)/ },
  { what: 'a formatter of its own', pattern: /getUTC(Month|Date|Hours)\(|new Date\([^)]*\)\.toLocale(Date|Time)?String\(/ },
  { what: 'a record date read through shanghaiDate (use dayText)', pattern: /shanghaiDate\(new Date\([^)]/ },
]

describe('dates on screen', () => {
  const files = sources(SRC)

  it('reads the source tree', () => {
    expect(files.length).toBeGreaterThan(100)
  })

  it.each(FORBIDDEN)('no page or component formats a date itself: $what', ({ pattern }) => {
    const hits = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${relative(SRC, file)}:${i + 1}` }))
        .filter(({ line }) => !line.trim().startsWith('//') && !line.trim().startsWith('*') && pattern.test(line))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    )
    expect(hits).toEqual([])
  })
})
