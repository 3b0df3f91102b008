/**
 * The H5 first screen's budget (issue 24): the JS and CSS a cold load of the home page fetches
 * before it can draw, i.e. what index.html references plus what its inline home preload adds
 * (config/h5-home-preload.ts), gzip -9, must not grow past the budget. Checks the last
 * `npm run build:h5` output (`npm test` builds before the unit tests); without one it is skipped.
 * The bench (bench/h5-render.ts) measures the same files as the browser requested them.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { firstScreenFiles } from './support/first-screen-files'
import { preloadScript } from '../../config/h5-home-preload'
import { pageRoute } from '../../cloudfunctions/_shared/domain/pages'

const H5 = resolve(__dirname, '../../dist/h5')
/**
 * Measured 2026-12-05 01:13 UTC at 153.0 KiB (168.3 KiB at 2026-12-04 22:31, before Taro's toast/modal/action
 * sheet, the survey card, the hotline card and taro-ui's page states and load-more were fetched after the
 * first screen: src/utils/toast.h5.ts, src/components/after-first-screen): the budget stops growth, not yet
 * the 1.2× goal (floor 116.6 KiB).
 */
const BUDGET_BYTES = 155 * 1024

const built = existsSync(join(H5, 'index.html'))
;(built ? describe : describe.skip)('H5 first screen size budget (dist/h5)', () => {
  it(`stays within ${BUDGET_BYTES / 1024} KiB gzip -9 of JS + CSS`, () => {
    const files = firstScreenFiles(readFileSync(join(H5, 'index.html'), 'utf8'))
    expect(files.some((f) => f.endsWith('.js'))).toBe(true)
    expect(files.some((f) => f.endsWith('.css'))).toBe(true)
    const sizes = files.map((f) => [f, gzipSync(readFileSync(join(H5, f)), { level: 9 }).length] as const)
    const total = sizes.reduce((s, [, n]) => s + n, 0)
    console.info(`H5 first screen: ${(total / 1024).toFixed(1)} KiB gzip in ${files.length} files`)
    expect({ total, within: total <= BUDGET_BYTES, sizes }).toMatchObject({ within: true })
  })
})

it('counts the preloaded home files with the ones index.html references, not other pages\' preloads', () => {
  const preload = preloadScript({ [pageRoute('index')]: [['/js/home.2.js', 'script'], ['/css/home.3.css', 'style']], [pageRoute('event')]: [['/js/event.5.js', 'script'], ['/css/home.3.css', 'style']] }, pageRoute('index'))
  const html = `<link href="/css/app.1.css" rel="stylesheet">${preload}<script defer src="/js/app.4.js"></script>`
  expect(firstScreenFiles(html)).toEqual(['css/app.1.css', 'css/home.3.css', 'js/app.4.js', 'js/home.2.js'])
})
