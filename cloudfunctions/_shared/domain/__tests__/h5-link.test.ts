import { H5_FIRST_SCREEN_PARAMS, h5Link, pageRoute, pageUrl } from '../pages'

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
