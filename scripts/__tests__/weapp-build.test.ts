/**
 * What the weapp build must contain for the weapp-only paths (issue #18 item 6), read from the one
 * `dist/weapp` that `npm test` already built (no second build). Skipped with the wechat-check
 * real-build test when SKIP_WEAPP_BUILD_CHECK=1.
 */
import fs from 'node:fs'
import path from 'node:path'
import { dirBytes } from '../../bench/floor'
import * as acorn from 'acorn'

const REPO_ROOT = path.resolve(__dirname, '..', '..')
const DIST = path.join(REPO_ROOT, 'dist', 'weapp')
const skip = process.env.SKIP_WEAPP_BUILD_CHECK === '1'
const describeBuild = skip ? describe.skip : describe

const read = (rel: string): string => fs.readFileSync(path.join(DIST, rel), 'utf8')
const readJson = <T>(rel: string): T => JSON.parse(read(rel)) as T

interface AppJson {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  __usePrivacyCheck__?: boolean
}

describeBuild(`dist/weapp${skip ? ' (skipped: SKIP_WEAPP_BUILD_CHECK=1)' : ''}`, () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(DIST, 'app.json'))) {
      throw new Error(`${DIST} does not exist — run \`npm run build:weapp:check\` first (or set SKIP_WEAPP_BUILD_CHECK=1 to skip this test).`)
    }
  })

  describe('the trend chart is a component drawing on <canvas type="2d">', () => {
    const PAGE = 'staff/pages/dashboard/index'

    it('the dashboard (staff subpackage) declares the ec-canvas component, and the component lives in the staff subpackage', () => {
      const app = readJson<AppJson>('app.json')
      const staff = app.subPackages?.find((s) => s.root.replace(/\/+$/, '') === 'staff')
      expect(staff?.pages).toContain('pages/dashboard/index')
      const page = readJson<{ usingComponents?: Record<string, string> }>(`${PAGE}.json`)
      const rel = page.usingComponents?.['ec-canvas']
      expect(rel).toBeDefined()
      const comp = path.posix.normalize(path.posix.join(path.posix.dirname(PAGE), rel!))
      expect(comp).toBe('staff/components/ec-canvas/index')
      expect(readJson<{ component?: boolean }>(`${comp}.json`).component).toBe(true)
    })

    it("the component's wxml is a canvas with type 2d, and its js takes the canvas node and its size in its own scope", () => {
      const wxml = read('staff/components/ec-canvas/index.wxml')
      const canvases = wxml.match(/<canvas\b[^>]*>/g) ?? []
      expect(canvases).toHaveLength(1)
      expect(canvases[0]).toMatch(/\btype="2d"/)
      expect(canvases[0]).toMatch(/\bid="ec-canvas"/)
      const js = read('staff/components/ec-canvas/index.js')
      expect(js).toMatch(/Component\(/)
      // the query runs in the component (not the page), for the node and its laid-out size
      expect(js).toMatch(/this\.createSelectorQuery\(\)\.select\("#ec-canvas"\)\.fields\(\{node:!0,size:!0\}\)/)
      expect(js).toMatch(/triggerEvent\("init",\{canvas:[\w$]+\.node,width:[\w$]+\.width,height:[\w$]+\.height,dpr:/)
      expect(js).toMatch(/pixelRatio/)
    })

    it('base.wxml holds one ec-canvas template (a leaf: no children loop), and utils.wxs sends it there at any depth (config/plugins/weapp-leaf-components.ts)', () => {
      const base = read('base.wxml')
      const names = [...base.matchAll(/<template name="(tmpl_\d+_ec-canvas)">/g)].map((m) => m[1])
      expect(names).toEqual(['tmpl_0_ec-canvas'])
      const body = base.slice(base.indexOf('<template name="tmpl_0_ec-canvas">'))
      expect(body.slice(0, body.indexOf('</template>'))).not.toMatch(/wx:for/)
      // the level chooser: components outside its first list are drawn with their level-0 template
      const wxs = read('utils.wxs')
      const listA = JSON.parse(/var a = (\[[^\]]*\])/.exec(wxs)?.[1] ?? 'null') as string[] | null
      expect(listA).not.toBeNull()
      expect(listA).not.toContain('ec-canvas')
      expect(wxs).toMatch(/if \(a\.indexOf\(n\) === -1\) \{\s*l = 0\s*\}/)
    })

    it("Taro's template binds the component's init event, and the page's js initialises echarts from that canvas node", () => {
      const base = read('base.wxml')
      const tag = base.match(/<ec-canvas\b[^>]*>/)?.[0] ?? ''
      expect(tag).toMatch(/\bbindinit="eh"/)
      const js = read(`${PAGE}.js`)
      // the page's bundle is ~500 KB: report only whether each piece is there, not the whole file
      const has = (re: RegExp | string): boolean => (typeof re === 'string' ? js.includes(re) : re.test(js))
      expect({
        // the init event's detail: the Canvas node, its size and the pixel ratio
        takesDetail: has(/\.detail,([\w$]+)=[\w$]+\.canvas,([\w$]+)=[\w$]+\.width,([\w$]+)=[\w$]+\.height,([\w$]+)=[\w$]+\.dpr/),
        // echarts.init(adapter around that node, null, { width, height, devicePixelRatio })
        initOnNode: has(/(?:var|let|const) ([\w$]+)=new [\w$]+\([\w$]+\);[^;]*;(?:var|let|const) [\w$]+=[\w$]+\(\1,null,\{width:[\w$]+,height:[\w$]+,devicePixelRatio:[\w$]+\}\)/),
        adapterContext: has('getContext("2d")'),
        // taro-react-echarts (waits for a page-level onReady that has already fired) is not in the weapp build
        noTaroReactEcharts: !has('微信基础库版本过低'),
      }).toEqual({ takesDetail: true, initOnNode: true, adapterContext: true, noTaroReactEcharts: true })
    })
  })

  it('the main package stays at most 406,000 bytes (issue 24: 468,226 before 消息提醒 left the 我的 tab, the page states lost AtButton, the tabs’ calls got their own modules, 我的’s staff menu, its survey list and the route tables left; 427,965 before the JS targets WeChat’s engines; the floor is ~317,000)', () => {
    const app = readJson<AppJson>('app.json')
    const roots = (app.subPackages ?? []).map((s) => s.root.replace(/\/+$/, ''))
    const main = dirBytes(DIST, (rel) => roots.includes(rel))
    // The three tabs are what is left in it, and the pages that moved out are not.
    expect(app.pages).toEqual(['pages/index/index', 'pages/events/index', 'pages/mine/index'])
    expect(fs.readFileSync(path.join(DIST, 'pages/mine/index.js'), 'utf8')).not.toContain('notice-switches')
    // taro-ui's button and load-more components (and the <button> they wrap) are not in it: the page states and list footers draw their look.
    const mainJs = fs.readdirSync(DIST).filter((f) => f.endsWith('.js')).map(read).join('\n') + ['index', 'events', 'mine'].map((p) => read(`pages/${p}/index.js`)).join('\n')
    expect(mainJs).not.toContain('at-button__wxbutton')
    // The tabs' calls live in modules of their own (services/*/list|home|open|unread.ts): the rest of those
    // services, and the offline outbox they send through, stay with the subpackage pages.
    expect(mainJs).not.toContain('cy.outbox.')
    expect(mainJs).not.toContain('applySite')
    // 我的 names a staff member's role (domain/role-labels.ts) and sends them to the workbench, whose
    // navigation lists what the role may do: the permission table stays in the staff subpackage.
    expect(mainJs).not.toContain('audit.read')
    // The tabs build their links with `pageUrl`; the route tables (utils/*-routes.ts) and the
    // event rules beyond their labels (domain/event-labels.ts) stay with the pages that use them.
    expect(mainJs).not.toContain('staffLoginThenBack')
    expect(mainJs).not.toContain('myCaseJustRegistered')
    expect(mainJs).not.toContain('二维码已过期')
    expect(main.bytes).toBeLessThanOrEqual(406_000)
  })

  describe('main-package bytes (issue 24): the settings in config/mini-size.json reach the output', () => {
    const files = (ext: string): string[] => fs.readdirSync(DIST).filter((f) => f.endsWith(ext))
    const mainFiles = (ext: string): string[] => [...files(ext), ...['index', 'events', 'mine'].map((p) => `pages/${p}/index${ext}`)]

    it('JS keeps Chinese labels as UTF-8 text, not 6-byte \\uXXXX escapes (terser ascii_only off)', () => {
      const js = mainFiles('.js').map(read).join('\n')
      // a label of the 我的 tab page
      expect(js).toContain('我的活动')
      expect(js.match(/\\u[4-9][0-9a-f]{3}/gi) ?? []).toEqual([])
    })

    it('WXSS carries no -ms- or old -webkit- flex copies (autoprefixer targets WeChat\'s WebViews, not H5\'s Android 4.1)', () => {
      const wxss = mainFiles('.wxss').map(read).join('\n')
      expect(wxss).toMatch(/display:flex/)
      expect({
        ms: wxss.match(/-ms-[a-z-]+:/g) ?? [],
        webkitFlex: wxss.match(/display:-webkit-flex|-webkit-box-shadow|-webkit-flex-direction/g) ?? [],
      }).toEqual({ ms: [], webkitFlex: [] })
    })
  })

  describe('the JS is written for the engines babel.config.js names (iOS 13, Chrome 86: base library 2.30.0 and later)', () => {
    const allJs = (dir = DIST, rel = ''): string[] =>
      fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
        const r = rel ? `${rel}/${e.name}` : e.name
        return e.isDirectory() ? allJs(dir, r) : r.endsWith('.js') ? [r] : []
      })

    it('every built file parses as ES2019 (no `?.`, `??` or class fields) and uses no regex lookbehind, which iOS 13 cannot parse', () => {
      const files = allJs()
      expect(files.length).toBeGreaterThan(100)
      const refused: string[] = []
      for (const f of files) {
        const code = read(f)
        try {
          acorn.parse(code, { ecmaVersion: 2019, sourceType: 'script' })
        } catch (e) {
          refused.push(`${f}: ${(e as Error).message}`)
        }
        if (/\(\?<[=!]/.test(code)) refused.push(`${f}: regex lookbehind`)
      }
      expect(refused).toEqual([])
    })

    it('async functions stay native: no regenerator runtime in the main package, and project.config.json does not ask DevTools to compile to ES5 again on upload', () => {
      const mainJs = fs.readdirSync(DIST).filter((f) => f.endsWith('.js')).map(read).join('\n')
      expect(mainJs).toMatch(/async /)
      expect(mainJs).not.toMatch(/regeneratorRuntime|_regenerator|Generator is already running/)
      const setting = readJson<{ setting: Record<string, unknown> }>('project.config.json').setting
      expect({ es6: setting.es6, enhance: setting.enhance }).toEqual({ es6: false, enhance: false })
    })
  })

  it('asks WeChat for the privacy check, and the agree button of the privacy prompt can be bound', () => {
    expect(readJson<AppJson>('app.json').__usePrivacyCheck__).toBe(true)
    expect(read('base.wxml')).toMatch(/<button\b[^>]*\bbindagreeprivacyauthorization="eh"/)
  })

  it('no page offers 分享到朋友圈 (a Moments-opened page runs in 单页模式, without login or functions)', () => {
    const app = readJson<AppJson>('app.json')
    const pages = [...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/+$/, '')}/${p}`))]
    const timeline = pages.filter((p) => /enableShareTimeline/.test(read(`${p}.json`)) || /enableShareTimeline:!0|onShareTimeline:function/.test(read(`${p}.js`)))
    expect(timeline).toEqual([])
    // 转发 (chat) stays on for the shared pages
    for (const p of ['pkg-policy/pages/policy-detail/index', 'pkg-event/pages/event/index']) expect(read(`${p}.js`)).toMatch(/enableShareAppMessage:!0/)
  })
})
