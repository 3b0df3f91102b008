import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { appPages, currentPathOf, LEGACY_ROUTES, PAGE_KEYS, pagePath, pageRoute, pageSourceDir, pageUrl, RESIDENT_PACKAGES, STAFF_ROOT } from '../../cloudfunctions/_shared/domain/pages'
import { RESIDENT_TABS } from '../../src/components/tab-bar/tabs'
import { TAB_ICON_DIR, tabIconPngs } from '../../config/tabbar-icons'

const ROOT = resolve(__dirname, '../..')
const SRC = join(ROOT, 'src')

/** Every page path the map declares, as app.json lists it (`pages/x/index`, `staff/pages/y/index`). */
const mapped = PAGE_KEYS.map(pageRoute)

/** The folders under `dir` that hold a page (an `index.tsx`). */
function pageFolders(dir: string): string[] {
  return readdirSync(join(SRC, dir), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(SRC, dir, d.name, 'index.tsx')))
    .map((d) => `${dir}/${d.name}`)
}

describe('the page map', () => {
  it('names every source page, and every page it names exists with its config', () => {
    for (const key of PAGE_KEYS) {
      const dir = join(SRC, pageSourceDir(key))
      expect([key, existsSync(join(dir, 'index.tsx')), existsSync(join(dir, 'index.config.ts'))]).toEqual([key, true, true])
    }
    const sources = [...pageFolders('pages'), ...Object.keys(RESIDENT_PACKAGES).flatMap((root) => pageFolders(`${root}/pages`)), ...pageFolders(`${STAFF_ROOT}/pages`)].sort()
    expect(PAGE_KEYS.map(pageSourceDir).sort()).toEqual(sources)
  })

  interface AppConfig {
    pages: string[]
    subPackages?: { root: string; pages: string[] }[]
    preloadRule?: Record<string, { packages: string[] }>
    tabBar: { custom?: boolean; list: { pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }[] }
  }
  /** src/app.config.ts as Taro evaluates it for one build. */
  const appConfigFor = (taroEnv: 'weapp' | 'h5'): Required<AppConfig> => {
    const g = globalThis as { defineAppConfig?: (c: unknown) => unknown }
    g.defineAppConfig = (c) => c
    const before = process.env.TARO_ENV
    process.env.TARO_ENV = taroEnv
    try {
      let config: unknown
      jest.isolateModules(() => {
        config = require('../../src/app.config').default
      })
      return config as Required<AppConfig>
    } finally {
      if (before === undefined) delete process.env.TARO_ENV
      else process.env.TARO_ENV = before
    }
  }

  it('on H5 (whose entry carries the config) lists every page in one list, without WeChat\'s subpackages and preloading', () => {
    const config = appConfigFor('h5')
    expect(config.pages).toEqual(PAGE_KEYS.map(pageRoute))
    expect(config.pages).toEqual([...appPages().pages, ...appPages().subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))])
    expect({ subPackages: config.subPackages, preloadRule: config.preloadRule }).toEqual({ subPackages: undefined, preloadRule: undefined })
    for (const tab of config.tabBar.list) expect(config.pages).toContain(tab.pagePath)
  })

  it('has the same three tabs on both builds: WeChat draws them with PNG icons, H5 leaves the bar to the app', () => {
    const weapp = appConfigFor('weapp').tabBar
    const h5 = appConfigFor('h5').tabBar
    const tabs = RESIDENT_TABS.map((t) => ({ pagePath: pageRoute(t.page), text: t.text }))
    expect(weapp.list.map(({ pagePath, text }) => ({ pagePath, text }))).toEqual(tabs)
    expect(h5.list).toEqual(tabs)
    // H5: Taro's router keeps tab semantics, draws no bar of its own and inlines no icon.
    expect([h5.custom, weapp.custom]).toEqual([true, undefined])
    for (const tab of weapp.list) {
      for (const icon of [tab.iconPath, tab.selectedIconPath]) expect([icon, existsSync(join(SRC, String(icon)))]).toEqual([icon, true])
    }
  })

  it('ships the tab icons drawn from the shapes the H5 bar draws (config/tabbar-icons.ts)', () => {
    const drawn = tabIconPngs()
    expect([...drawn.keys()].sort()).toEqual(readdirSync(TAB_ICON_DIR).sort())
    for (const [name, png] of drawn) expect([name, readFileSync(join(TAB_ICON_DIR, name)).equals(png)]).toEqual([name, true])
  })

  it('is what app.config lists, home page first, staff pages in their subpackage', () => {
    const config = appConfigFor('weapp')
    expect({ pages: config.pages, subPackages: config.subPackages, preloadRule: config.preloadRule }).toEqual(appPages())
    expect(config.pages[0]).toBe('pages/index/index')
    // The main package holds the three tabs only; the rest is in subpackages.
    expect(config.pages).toEqual(['pages/index/index', 'pages/events/index', 'pages/mine/index'])
    expect(config.subPackages.map((s) => s.root)).toEqual(['pkg-policy', 'pkg-event', 'pkg-me', 'staff'])
    expect(config.subPackages.find((s) => s.root === 'staff')?.pages).toContain('pages/login/index')
    for (const tab of config.tabBar.list) expect(config.pages).toContain(tab.pagePath)
    // Each tab preloads the subpackage of its journey; every preloaded root exists.
    expect(config.preloadRule['pages/index/index'].packages).toEqual(['pkg-policy'])
    expect(config.preloadRule['pages/events/index'].packages).toEqual(['pkg-event'])
    for (const [page, rule] of Object.entries(config.preloadRule)) {
      expect(mapped).toContain(page)
      for (const root of rule.packages) expect(config.subPackages.map((s) => s.root)).toContain(root)
    }
  })

  it('builds URLs with their query encoded and absent members left out', () => {
    expect(pageUrl('policyDetail', { id: 'p 1', push: 'x&y' })).toBe('/pkg-policy/pages/policy-detail/index?id=p%201&push=x%26y')
    expect(pagePath('event', { id: 'e1' })).toBe('pkg-event/pages/event/index?id=e1')
    expect(pageRoute('policyDetail')).toBe('pkg-policy/pages/policy-detail/index')
    expect(pageRoute('survey')).toBe('pkg-policy/pages/survey/index')
    expect(pageRoute('myCase')).toBe('pkg-me/pages/my-case/index')
    expect(pageUrl('mine')).toBe('/pages/mine/index')
    expect(pageUrl('staffDashboard', { org: undefined })).toBe('/staff/pages/dashboard/index')
    expect(pageUrl('staffDashboard')).toBe('/staff/pages/dashboard/index')
    expect(pageUrl('courseCheckin', { id: 'co_1', session: 2 })).toBe('/staff/pages/course-checkin/index?id=co_1&session=2')
    expect(pageUrl('surveyEdit', { template: 'basic' })).toBe('/staff/pages/survey-edit/index?template=basic')
  })

  it('rewrites the routes pages had in the main package, and nothing else', () => {
    expect(currentPathOf('pages/event/index?scene=abc')).toBe('pkg-event/pages/event/index?scene=abc')
    expect(currentPathOf('/pages/policy-detail/index?id=p1&push=x')).toBe('/pkg-policy/pages/policy-detail/index?id=p1&push=x')
    expect(currentPathOf('pages/my-case/index')).toBe('pkg-me/pages/my-case/index')
    expect(currentPathOf('pages/index/index')).toBeNull()
    expect(currentPathOf('/staff/pages/ledger/index?tab=due')).toBeNull()
    expect(currentPathOf('pkg-event/pages/event/index?id=1')).toBeNull()
    // Every page outside the main package and staff has its old route listed.
    expect(Object.values(LEGACY_ROUTES).sort()).toEqual(Object.values(RESIDENT_PACKAGES).flatMap((p) => Object.keys(p)).sort())
  })

  const weapp = join(ROOT, 'dist/weapp/app.json')
  ;(existsSync(weapp) ? it : it.skip)('every mapped page is in the weapp build (dist/weapp/app.json)', () => {
    const app = JSON.parse(readFileSync(weapp, 'utf8')) as { pages: string[]; subPackages?: { root: string; pages: string[] }[] }
    const built = [...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]
    expect(built.sort()).toEqual([...mapped].sort())
    for (const p of mapped) expect([p, existsSync(join(ROOT, 'dist/weapp', `${p}.js`))]).toEqual([p, true])
  })

  const h5js = join(ROOT, 'dist/h5/js')
  const h5App = existsSync(h5js) ? readdirSync(h5js).find((f) => /^app\.[0-9a-f]+\.js$/.test(f)) : undefined
  ;(h5App ? it : it.skip)('every mapped page is routed by the H5 build (dist/h5)', () => {
    const app = readFileSync(join(h5js, h5App as string), 'utf8')
    // Taro's H5 entry registers each page as `{"path":"<page>","load":…}`.
    const routed = [...app.matchAll(/"path":"([^"]+)","load"/g)].map((m) => m[1])
    expect(routed.sort()).toEqual([...mapped].sort())
  })
})
