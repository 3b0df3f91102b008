/**
 * 工作台 beside the evaluation year and at scale: the "evaluation step due" lines read each
 * community's own deadline (an extension the city granted moves it), and the "communities behind
 * target" line reads the subtree's targets once, so its cost does not grow with communities.
 */
import { countingStore, type OpCount } from '../../../../bench/counting-store'
import type { ApplicationView } from '../../../_shared/contracts/evaluation'
import type { WorkbenchSummary } from '../../../_shared/contracts/workbench'
import type { Org } from '../../../_shared/domain/org'
import type { TargetRecord } from '../../../_shared/domain/target'
import { dispatch } from '../../../_shared/runtime/dispatch'
import { makeHarness, staffId, testStaff } from '../../../_shared/testing/harness'
import { makeEvaluationActions } from '../../../evaluation/actions'
import { workbenchActions } from '..'

const STAFF = testStaff('a-lead', 'b-lead', 'reviewer', 'city')
const FORM = { contactName: '张主任', contactPhone: '0812-7654321', overview: '社区 2300 户' }
const REPORT = { sections: [], summary: '五项标准基本达到，下一步扩大场地。' }
const ev = makeEvaluationActions(() => {
  throw new Error('no documents here')
})

const note = (s: WorkbenchSummary, key: string) => s.items.find((i) => i.key === key)?.note ?? `no ${key} line`

describe('workbench.summary: evaluation deadlines', () => {
  it('a community’s line shows the deadline the city extended for it; the others keep the year’s', async () => {
    const h = await makeHarness(STAFF)
    h.setNow('2026-09-10T02:00:00.000Z')
    await h.ok<ApplicationView>(ev, staffId('a-lead'), 'draft', { year: 2026, form: FORM, report: REPORT })
    await h.ok<ApplicationView>(ev, staffId('b-lead'), 'draft', { year: 2026, form: FORM, report: REPORT })
    h.setNow('2026-11-22T02:00:00.000Z')
    expect(note(await h.ok(workbenchActions, staffId('a-lead'), 'summary', {}), 'evaluationStep')).toBe('申报草稿，截止日 9月30日 已过')
    await h.ok(ev, staffId('city'), 'extend', { year: 2026, step: 'apply', until: '2026-12-10', communityId: 'comm-a', reason: '社区换届，材料晚交' })
    expect(note(await h.ok(workbenchActions, staffId('a-lead'), 'summary', {}), 'evaluationStep')).toBe('申报草稿，12月10日 截止，还有 18 天')
    expect(note(await h.ok(workbenchActions, staffId('b-lead'), 'summary', {}), 'evaluationStep')).toBe('申报草稿，截止日 9月30日 已过')
  })

  it('the street’s line shows the soonest deadline among the applications waiting on it, extensions included', async () => {
    const h = await makeHarness(STAFF)
    h.setNow('2026-09-10T02:00:00.000Z')
    const d = await h.ok<ApplicationView>(ev, staffId('a-lead'), 'draft', { year: 2026, form: FORM, report: REPORT })
    await h.ok(ev, staffId('a-lead'), 'submit', { id: 'comm-a:2026', version: d.version })
    h.setNow('2026-11-22T02:00:00.000Z')
    expect(note(await h.ok(workbenchActions, staffId('reviewer'), 'summary', {}), 'applicationsWaiting')).toBe('截止日 10月31日 已过')
    await h.ok(ev, staffId('city'), 'extend', { year: 2026, step: 'review', until: '2026-11-28', communityId: 'comm-a', reason: '初评材料补正' })
    expect(note(await h.ok(workbenchActions, staffId('reviewer'), 'summary', {}), 'applicationsWaiting')).toBe('11月28日 截止，还有 6 天')
  })
})

describe('workbench.summary: communities behind target', () => {
  /** Store reads of the city officer's summary with `extra` more communities under the street. */
  async function cityReads(extra: number): Promise<{ reads: number; targetReads: number }> {
    const h = await makeHarness(STAFF)
    for (let i = 0; i < extra; i++) {
      const org: Org = { _id: `comm-x${i}`, name: `新社区${i}`, level: 'community', parentId: 'street', path: ['city', 'dist', 'street', `comm-x${i}`] }
      await h.store.collection('orgs').insert(org)
    }
    // A city-wide target and a community's own: each community is judged against its own.
    const target = (orgPath: string[], value: number): TargetRecord => ({ _id: `t-${orgPath.at(-1)}`, index: 'activity', orgId: orgPath.at(-1) ?? '', orgPath, year: 2026, value, source: 'seed-001', splitFrom: null, setBy: 'city', setAt: '2026-01-01T00:00:00.000Z' })
    await h.store.collection('targets').insert(target(['city'], 0.15))
    await h.store.collection('targets').insert(target(['city', 'dist', 'street', 'comm-a'], 0.2))
    const n: OpCount = { reads: 0, writes: 0 }
    const t: OpCount = { reads: 0, writes: 0 }
    const counted = countingStore(h.store, n)
    const targetsCounted = countingStore(h.store, t)
    const store = { ...counted, collection: ((name: string) => (name === 'targets' ? targetsCounted.collection('targets') : counted.collection(name as 'orgs'))) as typeof counted.collection }
    const { body } = await dispatch(workbenchActions, { action: 'summary', data: {} }, { store, identity: staffId('city'), keyring: h.keyring, now: () => new Date('2026-11-22T02:00:00.000Z') })
    if (!body.ok) throw new Error(JSON.stringify(body.error))
    expect((body.data as WorkbenchSummary).items.find((i) => i.key === 'communitiesBehind')).toBeDefined()
    return { reads: n.reads + t.reads, targetReads: t.reads }
  }

  it('reads the targets once, whatever the number of communities', async () => {
    const few = await cityReads(0)
    const many = await cityReads(40)
    expect(few.targetReads).toBe(1)
    expect(many.targetReads).toBe(1)
    expect(many.reads).toBe(few.reads)
  })
})
