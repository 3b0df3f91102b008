import vm from 'node:vm'
import { earlyRequestsScript, preloadScript } from '../../config/h5-home-preload'
import { pageRoute } from '../../cloudfunctions/_shared/domain/pages'

/** Runs the inline script index.html gets, with `hash` as location.hash; returns the links it added. */
function run(hash: string): { rel: string; as: string; href: string }[] {
  const html = preloadScript(
    [
      ['/js/home.1.js', 'script'],
      ['/css/home.2.css', 'style'],
    ],
    pageRoute('index'),
  )
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

describe('H5 home-page preload (config/h5-home-preload.ts)', () => {
  it('preloads the home page files when the URL opens the home page', () => {
    const links = [
      { rel: 'preload', as: 'script', href: '/js/home.1.js' },
      { rel: 'preload', as: 'style', href: '/css/home.2.css' },
    ]
    for (const hash of ['', '#/', '#', `#/${pageRoute('index')}`, `#/${pageRoute('index')}?x=1`, `#${pageRoute('index')}`]) {
      expect([hash, run(hash)]).toEqual([hash, links])
    }
  })

  it('preloads nothing for a deep link to another page', () => {
    for (const hash of [`#/${pageRoute('event')}?id=e1`, `#/${pageRoute('events')}`, `#/${pageRoute('staffLogin')}`, '#/pages/index/indexx', '#/x/pages/index/index']) {
      expect([hash, run(hash)]).toEqual([hash, []])
    }
  })
})

describe('H5 early requests (config/h5-home-preload.ts, earlyRequestsScript)', () => {
  const homeCall = { fn: 'policy', body: { action: 'list', data: { view: 'resident', after: null, limit: 10 } } }

  /** Runs the inline script with `stored` in localStorage; returns the requests it made and what it left on window. */
  async function run(hash: string, stored: Record<string, string>) {
    const code = /^<script>([\s\S]*)<\/script>$/.exec(earlyRequestsScript(pageRoute('index'), '', homeCall))?.[1]
    if (!code) throw new Error('not one inline script')
    const requests: { url: string; auth?: string; body: string }[] = []
    const fetch = (url: string, init: { headers: Record<string, string>; body: string }) => {
      requests.push({ url, auth: init.headers.Authorization, body: init.body })
      const data = url === '/api/auth/resident' ? { token: 't1', deviceId: 'd1' } : { ok: true, data: { items: [], next: null } }
      return Promise.resolve({ status: 200, json: () => Promise.resolve(data) })
    }
    const window: Record<string, unknown> = { fetch, location: { hash }, localStorage: { getItem: (k: string) => stored[k] ?? null } }
    vm.runInNewContext(code, { window, fetch })
    const home = window.__cyHome as { path: string; body: string; reply: Promise<unknown> } | undefined
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

  it('on a deep link asks for the token only', async () => {
    const out = await run(`#/${pageRoute('event')}?id=e1`, {})
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
