import type { DashboardOutput } from '../../../_shared/contracts/indices'
import type { CaseView, MyCase } from '../../../_shared/contracts/intent'
import type { CourseCheckinOutput, CourseCodeOutput, CourseSaveInput, CourseView, EnrolmentRow } from '../../../_shared/contracts/training'
import type { PageOf } from '../../../_shared/contracts/common'
import { reconcileCounters } from '../../../_shared/runtime/reconcile'
import { seedDefaultTargets } from '../../../_shared/runtime/migrations'
import { makeHarness, resident, staffId, testStaff } from '../../../_shared/testing/harness'
import { intentActions } from '../../../intent/actions'
import { idCard, registration } from '../../../intent/actions/__tests__/fixtures'
import { makeLedgerActions } from '../../../ledger/actions'
import { unrenderedMiniCodes } from '../../../event/actions/__tests__/fixtures'
import { indicesActions } from '../../../indices/actions'
import { trainingActions } from '..'

const training = trainingActions({ codes: unrenderedMiniCodes() })
const ledger = makeLedgerActions(() => {
  throw new Error('no exports here')
})
const STAFF = testStaff('a-staff', 'b-staff', 'district')

/** Three sessions: the first open at the harness's clock, the second that afternoon, the third the next day. */
function course(over: Partial<CourseSaveInput> = {}): CourseSaveInput {
  return {
    title: 'SYB 创业培训第 3 期',
    kind: 'syb',
    description: '创办你的企业：市场评估、企业构思、财务计划，十个学时。',
    place: '甲社区服务中心三楼',
    provider: '区就业训练中心',
    sessions: [
      { title: '第一课 评价你是否适合创业', startAt: '2026-11-22T01:30:00Z', endAt: '2026-11-22T03:30:00Z' },
      { title: '第二课 建立一个好的企业构思', startAt: '2026-11-22T06:00:00Z', endAt: '2026-11-22T08:00:00Z' },
      { title: '第三课 评估你的市场', startAt: '2026-11-23T01:30:00Z', endAt: '2026-11-23T03:30:00Z' },
    ],
    capacity: 30,
    requiredSessions: 2,
    subsidyAmount: 800,
    policyId: null,
    enrolUntil: '2026-11-23T00:00:00Z',
    ...over,
  }
}

async function setup() {
  const h = await makeHarness(STAFF)
  const save = (who: string, c: CourseSaveInput) => h.ok<CourseView>(training, staffId(who), 'save', c)
  const enrol = (who: string, courseId: string) => h.call<CourseView>(training, resident(who), 'enrol', { courseId, name: '王小明', phone: '13912345678' })
  const scene = async (courseId: string, session: number, as = 'a-staff') =>
    (await h.ok<CourseCodeOutput>(training, staffId(as), 'code', { id: courseId, session, origin: 'http://127.0.0.1:8080' })).scene
  const scan = (who: string, s: string) => h.call<CourseCheckinOutput>(training, resident(who), 'checkin', { mode: 'scan', scene: s, requestId: `req-${Math.random().toString(36).slice(2, 12)}` })
  let n = 0
  const register = async (who: string, over: object) => {
    n++
    return h.ok<MyCase>(intentActions, resident(who), 'submit', { ...registration({ idCard: idCard(`51040219900101${String(100 + n)}`) }), ...over })
  }
  return { h, save, enrol, scene, scan, register }
}

describe('enrolment', () => {
  it('one place per resident, within capacity and before the deadline; cancelling gives the place back', async () => {
    const { h, save, enrol } = await setup()
    const c = await save('a-staff', course({ capacity: 1 }))
    expect((await enrol('r1', c._id)).status).toBe(200)
    const again = await enrol('r1', c._id)
    expect(again.status).toBe(409)
    expect(JSON.stringify(again.body)).toContain('你已经报名了这个课程')
    const full = await enrol('r2', c._id)
    expect(full.status).toBe(409)
    expect(JSON.stringify(full.body)).toContain('名额已满')
    const cancelled = await h.ok<CourseView>(training, resident('r1'), 'cancel', { courseId: c._id })
    expect(cancelled.enrolledCount).toBe(0)
    expect((await enrol('r2', c._id)).status).toBe(200)
    h.setNow('2026-11-23T00:00:01.000Z')
    const late = await enrol('r3', (await save('a-staff', course()))._id)
    expect(late.status).toBe(409)
    expect(JSON.stringify(late.body)).toContain('报名已截止')
  })

  it('rejects a course whose attendance rule asks for more sessions than it has, naming the field', async () => {
    const { h } = await setup()
    const r = await h.call(training, staffId('a-staff'), 'save', course({ requiredSessions: 4 }))
    expect(r.status).toBe(400)
    expect(JSON.stringify(r.body)).toContain('requiredSessions')
  })
})

describe('session check-in and completion', () => {
  it('checks in per session with the rotating code; refuses forged, stale, closed and repeated scans', async () => {
    const { h, save, enrol, scene, scan } = await setup()
    const c = await save('a-staff', course())
    expect((await scan('r1', await scene(c._id, 0))).status).toBe(409) // not enrolled yet
    await enrol('r1', c._id)
    const s0 = await scene(c._id, 0)
    const forged = await scan('r1', s0.replace(/.$/, s0.endsWith('A') ? 'B' : 'A'))
    expect(forged.status).toBe(400)
    const closed = await scan('r1', await scene(c._id, 1)) // the afternoon session is not open yet
    expect(JSON.stringify(closed.body)).toContain('开课前 30 分钟起')
    const first = await scan('r1', s0)
    expect(first.status).toBe(200)
    expect(first.body.ok && first.body.data.completed).toBe(false)
    expect(first.body.ok && first.body.data.course.mine?.attended).toEqual([0])
    expect(JSON.stringify((await scan('r1', s0)).body)).toContain('已经签到过了')
    h.setNow('2026-11-22T02:01:30.000Z') // three rotations later
    expect(JSON.stringify((await scan('r1', s0)).body)).toContain('二维码已过期')
  })

  it('attending enough sessions completes the course: certificate, case 已培训 with a training follow-up and the subsidy', async () => {
    const { h, save, enrol, scene, scan, register } = await setup()
    const mine = await register('r1', { needs: ['training', 'site'] })
    const c = await save('a-staff', course())
    await enrol('r1', c._id)
    await scan('r1', await scene(c._id, 0))
    h.setNow('2026-11-22T06:10:00.000Z')
    const done = await scan('r1', await scene(c._id, 1))
    if (!done.body.ok) throw new Error(JSON.stringify(done.body))
    expect(done.body.data.completed).toBe(true)
    expect(done.body.data.course.mine).toMatchObject({ status: 'completed', caseTrained: true, subsidyRecorded: true })
    expect(done.body.data.course.mine?.certificateNo).toMatch(/^PX2026-.+-001$/)
    expect(done.body.data.course.completedCount).toBe(1)

    const view = await h.ok<CaseView>(ledger, staffId('a-staff'), 'get', { id: mine._id })
    expect(view.stage).toBe('trained')
    expect(view.followUps.at(-1)).toMatchObject({ kind: 'training', visibleToResident: true })
    expect(view.benefits).toEqual([expect.objectContaining({ kind: 'training_subsidy', amountFen: 80_000 })])
    // A third session attended adds attendance only: no second certificate, subsidy or stage change.
    h.setNow('2026-11-23T01:40:00.000Z')
    await scan('r1', await scene(c._id, 2))
    const after = await h.ok<CaseView>(ledger, staffId('a-staff'), 'get', { id: mine._id })
    expect(after.benefits).toHaveLength(1)
    expect(after.stageHistory.filter((s) => s.stage === 'trained')).toHaveLength(1)
  })

  it('a course of another community completes without touching the case; a district course serves every community below', async () => {
    const { h, save, enrol, scene, scan, register } = await setup()
    const mine = await register('r1', { needs: ['training'] }) // registered in comm-a
    const other = await save('b-staff', course({ requiredSessions: 1 }))
    await enrol('r1', other._id)
    const r = await scan('r1', await scene(other._id, 0, 'b-staff'))
    expect(r.body.ok && r.body.data.course.mine).toMatchObject({ status: 'completed', caseTrained: false, subsidyRecorded: false })
    expect((await h.ok<CaseView>(ledger, staffId('a-staff'), 'get', { id: mine._id })).stage).toBe('registered')

    const district = await save('district', course({ requiredSessions: 1, title: 'SYB 创业培训（区级班）' }))
    await enrol('r1', district._id)
    await scan('r1', await scene(district._id, 0, 'district'))
    const view = await h.ok<CaseView>(ledger, staffId('a-staff'), 'get', { id: mine._id })
    expect(view.stage).toBe('trained')
    expect(view.benefits.map((b) => b.amountFen)).toEqual([800 * 100])
  })

  it('staff check a trainee in by hand; staff of another community cannot touch the course', async () => {
    const { h, save, enrol } = await setup()
    const c = await save('a-staff', course({ requiredSessions: 1 }))
    await enrol('r1', c._id)
    const rows = await h.ok<PageOf<EnrolmentRow>>(training, staffId('a-staff'), 'enrolments', { courseId: c._id })
    expect(rows.items[0].phoneMasked).toBe('139****5678')
    const row = await h.ok<EnrolmentRow>(training, staffId('a-staff'), 'checkin', { mode: 'manual', courseId: c._id, enrolmentId: rows.items[0]._id, session: 2 })
    expect(row.status).toBe('completed')
    expect((await h.call(training, staffId('b-staff'), 'enrolments', { courseId: c._id })).status).toBe(404)
    expect((await h.call(training, staffId('b-staff'), 'save', { ...course(), id: c._id, version: c.version })).status).toBe(404)
  })
})

describe('培训覆盖率', () => {
  it('matches a hand-computed fixture and the counters recount without drift', async () => {
    const { h, save, enrol, scene, scan, register } = await setup()
    // A: asked for training, completes.  B: asked, does not.  C: asked, then withdrew (counts nowhere).
    // D: did not ask, completes (not in the ratio).  E: asked, in comm-b, completes a district course.
    // comm-a: 1 / 2 = 50%.  district roll-up: (1 + 1) / (2 + 1) = 66.7%.
    await register('A', { needs: ['training'] })
    await register('B', { needs: ['training', 'funding'] })
    const c = await register('C', { needs: ['training'] })
    await h.ok(intentActions, resident('C'), 'withdraw', { id: c._id })
    await register('D', { needs: ['funding'] })
    await register('E', { needs: ['training'], communityId: 'comm-b' })
    const local = await save('a-staff', course({ requiredSessions: 1 }))
    const wide = await save('district', course({ requiredSessions: 1 }))
    for (const who of ['A', 'D']) {
      await enrol(who, local._id)
      await scan(who, await scene(local._id, 0))
    }
    await enrol('E', wide._id)
    await scan('E', await scene(wide._id, 0, 'district'))

    // Targets are data: the seeds' defaults (培训全覆盖 100%) as `npm start` writes them.
    await seedDefaultTargets(h.store)
    const idx = (d: DashboardOutput) => d.indices.find((i) => i.key === 'trainingCoverage')!
    const a = idx(await h.ok<DashboardOutput>(indicesActions, staffId('a-staff'), 'dashboard', { period: '2026' }))
    expect([a.numerator, a.denominator, a.value, a.criterion]).toEqual([1, 2, 0.5, 'assistance'])
    expect(a.light).toBe('below')
    const d = idx(await h.ok<DashboardOutput>(indicesActions, staffId('district'), 'dashboard', { period: '2026' }))
    expect([d.numerator, d.denominator]).toEqual([2, 3])

    const report = await reconcileCounters(h.store, { repair: false })
    expect(report.drift).toEqual([])
  })
})
