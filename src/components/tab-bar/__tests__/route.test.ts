import { routeOfHash } from '../route'

describe('the H5 tab bar reads the current page', () => {
  it('from a hash or a router path, without its query; the home page for none', () => {
    expect(routeOfHash('#/pages/events/index?from=poster')).toBe('pages/events/index')
    expect(routeOfHash('/pages/mine/index')).toBe('pages/mine/index')
    expect(routeOfHash('#/pages/index/index/')).toBe('pages/index/index')
    expect(['', '#', '#/', '/'].map(routeOfHash)).toEqual(Array(4).fill('pages/index/index'))
  })

  it('never throws on a malformed escape: such a path names no tab', () => {
    expect(routeOfHash('#/pages/%E4%B/index')).toBe('pages/%E4%B/index')
    expect(routeOfHash('#/pkg-policy/pages/search/%E6%94%BF')).toBe('pkg-policy/pages/search/政')
  })
})
