import type { OrgNode } from '@shared/contracts/org'
import { groupCommunities } from '../org'

const node = (o: Partial<OrgNode> & Pick<OrgNode, '_id' | 'name' | 'level'>): OrgNode => ({
  parentId: null,
  fullName: o.name,
  ...o,
})

describe('groupCommunities', () => {
  const orgs: OrgNode[] = [
    node({ _id: 'city', name: '攀枝花市', level: 'city' }),
    node({ _id: 'd1', name: '东区', level: 'district', parentId: 'city' }),
    node({ _id: 's1', name: '炳草岗街道', level: 'street', parentId: 'd1' }),
    node({ _id: 's2', name: '大渡口街道', level: 'street', parentId: 'd1' }),
    node({ _id: 'c1', name: '金沙社区', level: 'community', parentId: 's1' }),
    node({ _id: 'c2', name: '五十四社区', level: 'community', parentId: 's2' }),
    node({ _id: 'c3', name: '新华社区', level: 'community', parentId: 's1' }),
  ]

  it('groups communities under their street, headed by district and street', () => {
    expect(groupCommunities(orgs).map((g) => [g.title, g.communities.map((c) => c._id)])).toEqual([
      ['东区 · 炳草岗街道', ['c1', 'c3']],
      ['东区 · 大渡口街道', ['c2']],
    ])
  })

  it('offers no groups when the tree has no communities', () => {
    expect(groupCommunities(orgs.filter((o) => o.level !== 'community'))).toEqual([])
  })
})
