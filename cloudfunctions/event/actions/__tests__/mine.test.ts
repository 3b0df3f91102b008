import type { MyActivitiesOutput } from '../../../_shared/contracts/event'
import type { CourseView } from '../../../_shared/contracts/training'
import { resident, staffId } from '../../../_shared/testing/harness'
import { trainingActions } from '../../../training/actions'
import { eventDraft, eventHarness, rid, unrenderedMiniCodes } from './fixtures'

const training = trainingActions({ codes: unrenderedMiniCodes() })

describe('event.mine (我的活动)', () => {
  it('lists the events and courses I signed up for with time, place and my code; cancelled ones leave, past ones move down', async () => {
    const h = await eventHarness()
    const salon = await h.ok<{ _id: string }>(h.actions, staffId('staff-a'), 'save', eventDraft())
    const talk = await h.ok<{ _id: string }>(h.actions, staffId('staff-a'), 'save', eventDraft({ title: '贷款政策宣讲', startAt: '2026-11-25T09:00:00+08:00', endAt: '2026-11-25T10:00:00+08:00', signupUntil: '2026-11-24T18:00:00+08:00' }))
    const course = await h.ok<CourseView>(training, staffId('staff-a'), 'save', {
      title: 'SYB 创业培训第 3 期', kind: 'syb', description: '创办你的企业：市场评估、企业构思、财务计划。', place: '甲社区服务中心三楼', provider: '区就业训练中心',
      sessions: [{ title: '第一课', startAt: '2026-11-24T01:30:00Z', endAt: '2026-11-24T03:30:00Z' }, { title: '第二课', startAt: '2026-11-26T01:30:00Z', endAt: '2026-11-26T03:30:00Z' }],
      capacity: 30, requiredSessions: 2, subsidyAmount: 0, policyId: null, enrolUntil: '2026-11-23T12:00:00Z',
    })
    await h.ok(h.actions, resident('r1'), 'signup', { eventId: salon._id, name: '张小梅', phone: '13812345678', requestId: rid() })
    await h.ok(h.actions, resident('r1'), 'signup', { eventId: talk._id, name: '张小梅', phone: '13812345678', requestId: rid() })
    await h.ok(training, resident('r1'), 'enrol', { courseId: course._id, name: '张小梅', phone: '13812345678' })
    // Someone else's sign-up is not mine.
    await h.ok(h.actions, resident('r2'), 'signup', { eventId: salon._id, name: '李大山', phone: '13900001111', requestId: rid() })

    const mine = await h.ok<MyActivitiesOutput>(h.actions, resident('r1'), 'mine', {})
    expect(mine.upcoming.map((a) => [a.kind, a.title])).toEqual([
      ['event', '返乡青年创业沙龙'],
      ['course', 'SYB 创业培训第 3 期'],
      ['event', '贷款政策宣讲'],
    ])
    expect(mine.upcoming[0]).toMatchObject({ place: '甲社区党群服务中心 二楼会议室', status: '已报名', code: '报名号 1', canCancel: true, url: `/pkg-event/pages/event/index?id=${salon._id}` })
    expect(mine.upcoming[1]).toMatchObject({ status: '已报名 · 已上 0/2 节', canCancel: true, url: `/pkg-event/pages/course/index?id=${course._id}` })
    expect(mine.past).toEqual([])

    await h.ok(h.actions, resident('r1'), 'cancel', { mode: 'signup', eventId: talk._id, requestId: rid() })
    h.setNow('2026-11-23T12:00:00.000Z') // the salon (23 Nov, 9:00–11:30 Shanghai) is over
    const later = await h.ok<MyActivitiesOutput>(h.actions, resident('r1'), 'mine', {})
    expect(later.upcoming.map((a) => a.title)).toEqual(['SYB 创业培训第 3 期'])
    expect(later.past.map((a) => [a.title, a.canCancel])).toEqual([['返乡青年创业沙龙', false]])
    // Staff have no 我的活动.
    expect((await h.call(h.actions, staffId('staff-a'), 'mine', {})).status).toBe(403)
  })
})
