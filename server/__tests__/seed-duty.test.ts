import type { DutyBoard, DutyScores } from '../../cloudfunctions/_shared/contracts/duty'
import { dispatch } from '../../cloudfunctions/_shared/runtime/dispatch'
import { makeDutyActions } from '../../cloudfunctions/duty/actions'
import { indicesActions } from '../../cloudfunctions/indices/actions'
import type { DashboardOutput } from '../../cloudfunctions/_shared/contracts/indices'
import { seedDemo } from '../seed'
import { demoDb } from './demo-db'

const dutyActions = makeDutyActions(() => null)

describe('demo plan (seed 001 职责分工)', () => {
  it('gives the city’s 督查 view the plan’s overdue and at-risk tasks and a 考核 result per owner', async () => {
    const { store, keyring, now, call: as } = demoDb(dutyActions)
    await seedDemo(store, now, { forcePasswordChange: false })
    const call = <T>(action: string, data: unknown, staffId = 'st_city') => as<T>(action, data, staffId)
    const board = await call<DutyBoard>('board', { year: 2026 })
    expect(board.overdue.map((t) => t.ownerName).sort()).toEqual(['东区', '人民银行', '市工商局', '清香坪街道'].sort())
    expect(board.atRisk.map((t) => t.ownerName)).toEqual(['市财政局', '炳草岗街道', '市发展改革局', '市统计局'])
    // 市发展改革局 reports weekly and last reported 10 days ago; 市统计局 monthly and never: both late.
    expect(board.atRisk.filter((t) => t.reportLate).map((t) => t.ownerName)).toEqual(['市发展改革局', '市统计局'])
    const scores = await call<DutyScores>('scores', { year: 2026 })
    expect(scores.rows.find((r) => r.ownerName === '市人力资源社会保障局')?.computed).toBe(100)
    // Targets count beside tasks (issue 21 item 3): 西区 did its task on time (6 of 6) and attains 2 of its
    // 19 targets (demo districts have no survey or baseline yet: 缺数据 counts 0), so (2 + 6) ÷ (19 + 6) = 32.
    const west = scores.rows.find((r) => r.ownerName === '西区')!
    expect(west).toMatchObject({ onTimeWeight: 6, weight: 6, targetPoints: 2, targetWeight: 19, computed: 32 })
    expect(scores.rows.find((r) => r.ownerName === '东区')).toMatchObject({ onTimeWeight: 0, weight: 6, computed: 11.3, adjustable: true })
    // A street without tasks has a result from its targets alone; every org result adds up to its items.
    expect(scores.rows.find((r) => r.ownerName === '大渡口街道')).toMatchObject({ tasks: 0, targetWeight: 19, computed: 10.5 })
    for (const r of scores.rows) {
      const w = r.weight + r.targetWeight
      expect(r.computed).toBe(w ? Math.round(((r.onTimeWeight + r.targets.reduce((s, t) => s + t.points, 0)) / w) * 1000) / 10 : null)
    }
    // No drift: each target's live figure, target and last-year figure are the ones the org's dashboard
    // shows for the year, read by another function over the same records.
    for (const org of ['d-west', 's-ddk']) {
      const r = await dispatch(indicesActions, { action: 'dashboard', data: { orgId: org, period: '2026' } }, { store, identity: { staffId: 'st_city' }, keyring, now: () => now })
      if (!r.body.ok) throw new Error(JSON.stringify(r.body))
      const dash = r.body.data as DashboardOutput
      const row = scores.rows.find((x) => x.ownerKey === org)!
      const judged = dash.indices.filter((i) => i.target)
      expect(row.targets.map((t) => [t.index, t.live, t.lastYear, t.targetText])).toEqual(judged.map((i) => [i.key, i.value, i.lastYear, i.target?.text]))
    }
    // 东区 sees its own and its streets' tasks only.
    const east = await call<DutyBoard>('board', { year: 2026 }, 'st_dongqu')
    expect(east.tasks.map((t) => t.ownerName).sort()).toEqual(['东区', '炳草岗街道'].sort())
    await store.close()
  })
})
