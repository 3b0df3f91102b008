/**
 * What the H5 home's first screen carries (issue 24 item 3): no staff code, no subpackage page
 * and none of the code the home now fetches after its first screen (Taro's toast/modal/action
 * sheet, the survey card, the hotline card, taro-ui's page states and load-more with its button,
 * Taro's input and scroll-view web components). Reads `dist/h5-first-screen.json`, which every
 * `npm run build:h5` writes (config/h5-home-preload.ts: the source modules of the entry's chunks
 * and of the home page's chunk group); without a build it is skipped, like the size budget.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { FirstScreenManifest } from '../../config/h5-home-preload'
import { firstScreenFiles } from './support/first-screen-files'
import { PAGE_KEYS } from '../../cloudfunctions/_shared/domain/pages'

const DIST = resolve(__dirname, '../../dist')

/** Source modules that must not be downloaded before the H5 home page can draw, with why. */
const NOT_ON_FIRST_SCREEN: readonly [RegExp, string][] = [
  [/^src\/staff\//, 'staff code'],
  [/^src\/services\/staff\//, 'staff services'],
  [/^src\/pkg-[^/]+\//, 'a subpackage page'],
  [/^cloudfunctions\/(?!_shared\/)/, 'a cloud function'],
  [/^server\//, 'the local runtime'],
  [/^node_modules\/@tarojs\/taro-h5\/dist\/api\/ui\/interaction\//, "Taro's toast / modal / action sheet (src/utils/toast.h5.ts loads them later)"],
  [/^src\/utils\/toast-now\.ts$/, 'the toast calls (src/utils/toast.h5.ts loads them later)'],
  [/^src\/components\/survey-entry\/index\.tsx$/, 'the survey card (survey-entry/deferred.h5.tsx loads it later)'],
  [/^src\/components\/hotline-card\/index\.tsx$/, 'the hotline card (hotline-card/deferred.h5.tsx loads it later)'],
  [/^src\/components\/page-state\/index\.tsx$/, "taro-ui's page states (page-state/deferred.h5.tsx draws plain ones first)"],
  [/^src\/components\/list-footer\/index\.tsx$/, "taro-ui's load-more (list-footer/deferred.h5.tsx draws a plain one first)"],
  [/^node_modules\/taro-ui\/lib\/components\/button\//, "taro-ui's button"],
  [/^node_modules\/@tarojs\/components\/dist\/components\/taro-button-core\.js$/, "Taro's <button> element"],
  [/^src\/services\/survey\//, 'the survey services'],
  [/^node_modules\/(echarts|zrender)\//, 'the staff charts'],
  [/^node_modules\/@tarojs\/components\/dist\/components\/taro-input-core\.js$|^\.h5-components\/Input\.js$/, "Taro's input (the home's search box draws the browser's own: search-box/field-input.h5.tsx)"],
  [/^node_modules\/@tarojs\/components\/dist\/components\/taro-scroll-view-core\.js$|^\.h5-components\/ScrollView\.js$/, "Taro's scroll-view (the home's chips scroll as a plain block: h-scroll/index.h5.tsx)"],
  [/^node_modules\/@tarojs\/components\/dist\/components\/taro-tabbar\.js$/, "Taro's tab bar element (the app draws the bar: components/tab-bar/index.h5.tsx)"],
  [/^src\/assets\/tabbar\//, "WeChat's tab bar icons (the H5 bar draws them as SVG)"],
]

/** Each module of `modules` that must not be on the first screen, with the reason. */
export function offFirstScreen(modules: readonly string[]): string[] {
  return modules.flatMap((m) => NOT_ON_FIRST_SCREEN.filter(([re]) => re.test(m)).map(([, why]) => `${m}: ${why}`))
}

it('names staff, subpackage and deferred modules and lets the home and the runtime through', () => {
  expect(
    offFirstScreen([
      'src/pages/index/index.tsx',
      'src/components/policy-card/index.tsx',
      'src/components/tab-bar/index.h5.tsx',
      'config/h5-no-tabbar.js',
      'src/components/survey-entry/deferred.h5.tsx',
      'cloudfunctions/_shared/domain/pages.ts',
      'node_modules/@tarojs/taro-h5/dist/api/ui/tab-bar.js',
      'node_modules/react-dom/cjs/react-dom.production.min.js',
    ]),
  ).toEqual([])
  const offScreen = [
    'src/staff/pages/dashboard/index.tsx',
    'src/services/staff/staff.ts',
    'src/pkg-policy/pages/policy-detail/index.tsx',
    'cloudfunctions/policy/actions/list.ts',
    'node_modules/@tarojs/taro-h5/dist/api/ui/interaction/modal.js',
    'src/utils/toast-now.ts',
    'src/components/survey-entry/index.tsx',
    'src/components/hotline-card/index.tsx',
    'src/components/page-state/index.tsx',
    'node_modules/taro-ui/lib/components/button/index.js',
    'node_modules/echarts/lib/core/echarts.js',
    'node_modules/@tarojs/components/dist/components/taro-input-core.js',
    '.h5-components/ScrollView.js',
    'node_modules/@tarojs/components/dist/components/taro-tabbar.js',
    'src/assets/tabbar/policy.png',
  ]
  expect(offFirstScreen(offScreen).map((s) => s.split(':')[0])).toEqual(offScreen)
})

const built = existsSync(join(DIST, 'h5', 'index.html')) && existsSync(join(DIST, 'h5-first-screen.json'))
;(built ? describe : describe.skip)('H5 first screen modules (dist/h5-first-screen.json)', () => {
  // describe.skip still runs this body: read the manifest only when there is one.
  const manifest = (built ? JSON.parse(readFileSync(join(DIST, 'h5-first-screen.json'), 'utf8')) : { files: [], modules: [] }) as FirstScreenManifest

  it('is the manifest of this build: the same files index.html loads and preloads for the home', () => {
    expect(manifest.files).toEqual(firstScreenFiles(readFileSync(join(DIST, 'h5', 'index.html'), 'utf8')))
  })

  it('has the code every page shares in the entry: no async chunk is listed by nearly every route (config/index.ts h5EntryShared)', () => {
    const js = join(DIST, 'h5', 'js')
    const app = readdirSync(js).find((f) => /^app\.[0-9a-f]+\.js$/.test(f))
    const source = readFileSync(join(js, String(app)), 'utf8')
    // Taro's route table: `{"path":"<page>","load":function(…){return[Promise.all([u.e(<chunk>),…]).then(…)`.
    const routes = [...source.matchAll(/"path":"([^"]+)","load":function\([^)]*\)\{return\[(?:Promise\.all\(\[([^\]]*)\]\))?/g)]
    expect(routes.length).toBe(PAGE_KEYS.length)
    const listedBy = new Map<string, number>()
    for (const [, , list] of routes) for (const id of new Set((list ?? '').match(/\d+/g) ?? [])) listedBy.set(id, (listedBy.get(id) ?? 0) + 1)
    const nearlyEvery = [...listedBy].filter(([, n]) => n > 0.9 * routes.length)
    expect(nearlyEvery).toEqual([])
    // The shared modules really are in the entry's chunks, which the first screen loads.
    expect(manifest.modules).toEqual(expect.arrayContaining(['.h5-components/View.js', 'node_modules/classnames/index.js', 'src/services/core/cloud.h5.ts', 'src/hooks/use-load.ts']))
  })

  it('holds the home page, the app and the request code, and nothing staff, subpackage or deferred', () => {
    // Not an empty or truncated list: the page, its list code and React are in it.
    expect(manifest.modules).toEqual(expect.arrayContaining(['src/app.tsx', 'src/pages/index/index.tsx', 'src/services/policy/policy.ts', 'src/components/policy-card/index.tsx']))
    expect(manifest.modules.some((m) => m.startsWith('node_modules/react-dom/'))).toBe(true)
    expect(offFirstScreen(manifest.modules)).toEqual([])
  })
})
