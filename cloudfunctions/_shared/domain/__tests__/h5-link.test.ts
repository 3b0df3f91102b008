import { H5_FIRST_SCREEN_PARAMS, h5Link, homeHashPattern, pageHashPattern, pageRoute, pageUrl } from '../pages'

describe('h5Link: H5 links that name what the runtime draws before the hash', () => {
  const origin = 'https://cy.example.cn'

  it("names an event code's scene before the hash, and keeps the page's own query as it was", () => {
    const path = `/${pageRoute('event')}?scene=${encodeURIComponent('p.JinSha01.a-b_c')}`
    const link = h5Link(origin, path)
    expect(link).toBe(`${origin}/?${H5_FIRST_SCREEN_PARAMS.eventScene}=p.JinSha01.a-b_c#${path}`)
    expect(new URL(link).searchParams.get('s')).toBe('p.JinSha01.a-b_c')
    expect(new URL(link).hash).toBe(`#${path}`)
  })

  it("names a shared policy's id before the hash, with or without a leading slash and with its ref", () => {
    const path = `${pageUrl('policyDetail', { id: 'pol_1' })}&ref=sAbc`
    expect(h5Link(origin, path)).toBe(`${origin}/?p=pol_1#${path}`)
    expect(h5Link(origin, path.slice(1))).toBe(`${origin}/?p=pol_1#${path}`)
  })

  it("names a shared event's id before the hash; a scanned scene wins over an id", () => {
    const path = `${pageUrl('event', { id: 'evt_1' })}&ref=sAbc`
    expect(h5Link(origin, path)).toBe(`${origin}/?${H5_FIRST_SCREEN_PARAMS.eventId}=evt_1#${path}`)
    expect(h5Link(origin, `/${pageRoute('event')}?id=evt_1&scene=p.x`)).toBe(`${origin}/?s=p.x#/${pageRoute('event')}?id=evt_1&scene=p.x`)
  })

  it('escapes what it copies before the hash', () => {
    const link = h5Link(origin, `/${pageRoute('policyDetail')}?id=${encodeURIComponent('a&b=c#d')}`)
    expect(new URL(link).searchParams.get('p')).toBe('a&b=c#d')
    expect([...new URL(link).searchParams.keys()]).toEqual(['p'])
  })

  it('leaves every other page, and these pages without what they are opened by, as a plain hash link', () => {
    for (const path of [`/${pageRoute('event')}`, `/${pageRoute('course')}?scene=t.x`, `/${pageRoute('policyDetail')}`, `/${pageRoute('index')}`, '/']) {
      expect(h5Link(origin, path)).toBe(`${origin}/#${path}`)
    }
  })
})

describe('the hash patterns the static pages and the app test', () => {
  it('the home: no hash, #, #/, its route with any query; nothing else', () => {
    const home = new RegExp(homeHashPattern())
    for (const h of ['', '#', '#/', `#/${pageRoute('index')}`, `#${pageRoute('index')}`, `#/${pageRoute('index')}?tab=1`]) expect([h, home.test(h)]).toEqual([h, true])
    for (const h of [`#/${pageRoute('index')}x`, `#/${pageRoute('mine')}`, '#/x', `#/${pageRoute('event')}?scene=p.x`]) expect([h, home.test(h)]).toEqual([h, false])
  })

  it('a page: its route with any query, not a look-alike route', () => {
    const event = new RegExp(pageHashPattern(pageRoute('event')))
    expect(event.test(`#/${pageRoute('event')}?scene=p.x`)).toBe(true)
    expect(event.test(`#/${pageRoute('event')}`)).toBe(true)
    expect(event.test(`#/${pageRoute('event')}x?id=1`)).toBe(false)
    expect(event.test('')).toBe(false)
  })
})
