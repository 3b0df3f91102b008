import type { Collections } from '../../cloudfunctions/_shared/store/collections'
import { openSqliteStore } from '../../cloudfunctions/_shared/store/sqlite/adapter'
import { seedDemo } from '../seed'

/** A material as a resident reads it, without the guide's helpful aside in brackets. */
const bare = (m: string) => m.replace(/（[^）]*）/g, '').trim()

describe('demo 办事指南 and their policies agree', () => {
  it('every application guide (loan, subsidy) asks for exactly what its policies ask for, no more and no less', async () => {
    // The 个体工商户登记 guide is the licence procedure a subsidy presupposes, not an application
    // for its linked policies, so its materials are the registration office's.
    const store = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
    await seedDemo(store, new Date('2026-12-04T02:00:00.000Z'), { forcePasswordChange: false })
    const checked: string[] = []
    for await (const batch of store.collection('guides').scan(undefined, 100)) {
      for (const g of batch.filter((x) => x.topic === 'loan' || x.topic === 'subsidy')) {
        const policies = await Promise.all(g.policyIds.map((id) => store.collection('policies').get(id)))
        const asked = new Set(policies.flatMap((p) => p?.materials.map(bare) ?? []))
        expect({ guide: g._id, materials: [...new Set(g.materials.map(bare))].sort() }).toEqual({ guide: g._id, materials: [...asked].sort() })
        checked.push(g._id)
      }
    }
    expect(checked.sort()).toEqual(['gd_demo_loan', 'gd_demo_subsidy'])
    await store.close()
  })
})
