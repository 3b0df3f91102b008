import vm from 'node:vm'
import { earlyRequestsScript, preloadScript } from '../../config/h5-home-preload'
import entries from '../../src/entry-pages'
import { pageRoute } from '../../cloudfunctions/_shared/domain/pages'

const HOME_FILES = [
  ['/js/home.1.js', 'script'],
  ['/css/home.2.css', 'style'],
] as const
const EVENT_FILES = [
  ['/js/event.3.js', 'script'],
  ['/css/home.2.css', 'style'],
] as const

/** Runs the inline script index.html gets, with `hash` as location.hash; returns the links it added. */
function run(hash: string): { rel: string; as: string; href: string }[] {
  const html = preloadScript({ [pageRoute('index')]: HOME_FILES, [pageRoute('event')]: EVENT_FILES }, pageRoute('index'))
  const code = /^<script>([\s\S]*)<\/script>$/.exec(html)?.[1]
  if (!code) throw new Error('not one inline script')
  const added: { rel: string; as: string; href: string }[] = []
  const document = {
    createElement: () => ({ rel: '', as: '', href: '' }),
    head: { appendChild: (l: { rel: string; as: string; href: string }) => added.push({ ...l }) },
  }
  vm.runInNewContext(code, { document, location: { hash } })
  return added
}

const links = (files: readonly (readonly [string, string])[]) => files.map(([href, as]) => ({ rel: 'preload', as, href }))

describe('H5 preload of the page the URL opens (config/h5-home-preload.ts)', () => {
  it('preloads the home page files when the URL opens the home page', () => {
    for (const hash of ['', '#/', '#', `#/${pageRoute('index')}`, `#/${pageRoute('index')}?x=1`, `#${pageRoute('index')}`, '#/?x=1']) {
      expect([hash, run(hash)]).toEqual([hash, links(HOME_FILES)])
    }
  })

  it("preloads an entry page's files when a QR code or a share opens it", () => {
    for (const hash of [`#/${pageRoute('event')}?scene=p.abc`, `#/${pageRoute('event')}?id=e1&ref=x`, `#/${pageRoute('event')}`]) {
      expect([hash, run(hash)]).toEqual([hash, links(EVENT_FILES)])
    }
  })

  it('preloads nothing for any other page, or a route that only looks like one', () => {
    for (const hash of [`#/${pageRoute('events')}`, `#/${pageRoute('staffLogin')}`, '#/pages/index/indexx', '#/x/pages/index/index', `#/${pageRoute('event')}/x`, '#/__proto__', '#/constructor', '#/hasOwnProperty']) {
      expect([hash, run(hash)]).toEqual([hash, []])
    }
  })

  it('names each file once however many pages share it', () => {
    const html = preloadScript({ [pageRoute('index')]: HOME_FILES, [pageRoute('event')]: EVENT_FILES }, pageRoute('index'))
    expect(html.split('/css/home.2.css').length - 1).toBe(1)
  })
})

describe('H5 early requests (config/h5-home-preload.ts, earlyRequestsScript)', () => {
  const homeCall = { fn: 'policy', body: { action: 'list', data: { view: 'resident', after: null, limit: 10 } } }

  /** Runs the inline script with `stored` in localStorage; returns the requests it made and what it left on window. */
  async function run(hash: string, stored: Record<string, string>) {
    const code = /^<script>([\s\S]*)<\/script>$/.exec(earlyRequestsScript(pageRoute('index'), '', homeCall, entries.calls))?.[1]
    if (!code) throw new Error('not one inline script')
    const requests: { url: string; auth?: string; body: string }[] = []
    const fetch = (url: string, init: { headers: Record<string, string>; body: string }) => {
      requests.push({ url, auth: init.headers.Authorization, body: init.body })
      const data = url === '/api/auth/resident' ? { token: 't1', deviceId: 'd1' } : { ok: true, data: { items: [], next: null } }
      return Promise.resolve({ status: 200, json: () => Promise.resolve(data) })
    }
    const window: Record<string, unknown> = { fetch, location: { hash }, localStorage: { getItem: (k: string) => stored[k] ?? null } }
    vm.runInNewContext(code, { window, fetch })
    const home = window.__cyEarly as { path: string; body: string; reply: Promise<unknown> } | undefined
    const resident = await (window.__cyResident as Promise<unknown> | undefined)
    const homeReply = await home?.reply
    return { requests, resident, home: home && { path: home.path, body: home.body, reply: homeReply } }
  }

  it('on a first visit to the home page asks for the token, then the home list with it', async () => {
    const out = await run('', {})
    expect(out.requests).toEqual([
      { url: '/api/auth/resident', auth: undefined, body: '{}' },
      { url: '/api/fn/policy', auth: 'Bearer t1', body: JSON.stringify(homeCall.body) },
    ])
    expect(out.resident).toEqual({ status: 200, body: { token: 't1', deviceId: 'd1' } })
    expect(out.home).toEqual({ path: '/api/fn/policy', body: JSON.stringify(homeCall.body), reply: { status: 200, body: { ok: true, data: { items: [], next: null } }, token: 't1' } })
  })

  it('on a deep link to another page asks for the token only', async () => {
    for (const hash of [`#/${pageRoute('events')}`, `#/${pageRoute('event')}`, `#/${pageRoute('event')}?ref=x`, `#/${pageRoute('survey')}?id=s1`, '#/nowhere?id=1']) {
      const out = await run(hash, {})
      expect([hash, out.requests.map((r) => r.url)]).toEqual([hash, ['/api/auth/resident']])
      expect(out.home).toBeUndefined()
    }
  })

  it("on a poster's or a share's deep link asks for the page's first call, exactly as the app will send it", async () => {
    const cases: [string, string, unknown][] = [
      [`#/${pageRoute('event')}?scene=p.AbC-_9&ref=r1`, '/api/fn/event', { action: 'resolve', data: { scene: 'p.AbC-_9' } }],
      // A scene wins over an id, as on the page; values are read as Taro's router reads them.
      [`#/${pageRoute('event')}?id=ev_1&scene=p.x%2By`, '/api/fn/event', { action: 'resolve', data: { scene: 'p.x+y' } }],
      [`#/${pageRoute('event')}?id=ev_JinSha01`, '/api/fn/event', { action: 'get', data: { id: 'ev_JinSha01' } }],
      [`#/${pageRoute('policyDetail')}?id=pol_1&push=1`, '/api/fn/policy', { action: 'get', data: { id: 'pol_1' } }],
    ]
    for (const [hash, path, body] of cases) {
      const out = await run(hash, {})
      expect([hash, out.requests]).toEqual([hash, [
        { url: '/api/auth/resident', auth: undefined, body: '{}' },
        { url: path, auth: 'Bearer t1', body: JSON.stringify(body) },
      ]])
      expect(out.home?.path).toBe(path)
      expect(out.home?.body).toBe(JSON.stringify(body))
    }
  })

  it('leaves a query it cannot decode to the app: the token only, nothing thrown', async () => {
    const out = await run(`#/${pageRoute('event')}?scene=%E0%A4%A&id=ev_1`, {})
    expect(out.requests.map((r) => r.url)).toEqual(['/api/auth/resident'])
    expect(out.home).toBeUndefined()
  })

  it('asks for nothing when this browser kept a token or a device id (the app sends those itself)', async () => {
    for (const key of ['cy.token', 'cy.token.resident', 'cy.device']) {
      const out = await run('', { [key]: 'x' })
      expect([key, out.requests]).toEqual([key, []])
    }
  })
})
