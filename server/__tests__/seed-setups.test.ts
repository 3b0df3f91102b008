import { setupChecks } from '../../cloudfunctions/_shared/domain/org-setup'
import type { Collections } from '../../cloudfunctions/_shared/store/collections'
import { openSqliteStore } from '../../cloudfunctions/_shared/store/sqlite/adapter'
import { seedDemo } from '../seed'

describe('demo 组织体系', () => {
  it('金沙 meets every check of the year; 新华 shows last year’s plan and no 宣传方案', async () => {
    const store = openSqliteStore<Collections>({ path: ':memory:', purpose: 'test' })
    await seedDemo(store, new Date('2026-11-22T02:00:00.000Z'), { forcePasswordChange: false })
    const verdicts = async (id: string) => Object.fromEntries(setupChecks(await store.collection('orgSetups').get(id), 2026).map((c) => [c.key, c.met]))
    expect(await verdicts('c-jinsha')).toEqual({ setupGroup: true, setupEquipment: true, setupPlan: true, setupPublicity: true })
    expect(await verdicts('c-xinhua')).toEqual({ setupGroup: true, setupEquipment: true, setupPlan: false, setupPublicity: false })
    expect(await verdicts('c-sutie')).toEqual({ setupGroup: false, setupEquipment: false, setupPlan: false, setupPublicity: false })
    await store.close()
  })
})
