import type { PageOf } from '../../../_shared/contracts/common'
import type { CaseView, MyCase } from '../../../_shared/contracts/intent'
import type { GuideView, MentorSaveInput, MentorView, SearchResult, SiteSaveInput, SiteView, StoryView } from '../../../_shared/contracts/service'
import type { MentorRequest, SiteApplication } from '../../../_shared/domain/service'
import { reconcileCounters } from '../../../_shared/runtime/reconcile'
import { draft, makeHarness, resident, staffId, testStaff } from '../../../_shared/testing/harness'
import { intentActions } from '../../../intent/actions'
import { idCard, registration } from '../../../intent/actions/__tests__/fixtures'
import { makeLedgerActions } from '../../../ledger/actions'
import { policyActions } from '../../../policy/actions'
import { serviceActions as service } from '..'

const ledger = makeLedgerActions(() => {
  throw new Error('no exports here')
})
const STAFF = testStaff('a-staff', 'b-staff', 'reviewer', 'district')

const mentor = (over: Partial<MentorSaveInput> = {}): MentorSaveInput => ({
  name: '刘建国',
  field: 'entrepreneur',
  specialty: '餐饮门店经营',
  organisation: '建国餐饮有限公司',
  phone: '13800001111',
  availability: '每周三下午',
  active: true,
  ...over,
})
const site = (over: Partial<SiteSaveInput> = {}): SiteSaveInput => ({
  name: '甲社区创业孵化基地',
  kind: 'incubator',
  address: '甲社区幸福路 8 号',
  capacity: 20,
  vacancies: 1,
  conditions: '登记创业意向的本社区居民，前两年免租',
  industries: [],
  contactName: '周主任',
  contactPhone: '0812-3335000',
  active: true,
  ...over,
})

async function setup() {
  const h = await makeHarness(STAFF)
  let n = 0
  const register = async (who: string, over: object = {}) => {
    n++
    return h.ok<MyCase>(intentActions, resident(who), 'submit', { ...registration({ idCard: idCard(`51040219900101${String(200 + n)}`) }), ...over })
  }
  return { h, register }
}

describe('mentors', () => {
  it('district mentors are seen below and assigned to any case there, but only their district edits them', async () => {
    const { h, register } = await setup()
    const m = await h.ok<MentorView>(service, staffId('district'), 'saveMentor', mentor())
    const own = await h.ok<MentorView>(service, staffId('b-staff'), 'saveMentor', mentor({ name: '赵律师', field: 'legal' }))
    const seen = await h.ok<PageOf<MentorView>>(service, staffId('a-staff'), 'mentors', {})
    expect(seen.items.map((x) => [x.name, x.editable])).toEqual([['刘建国', false]])
    const edit = await h.call(service, staffId('a-staff'), 'saveMentor', { ...mentor({ phone: '13900000000' }), id: m._id, version: m.version })
    expect(edit.status).toBe(403)
    // Another community's mentor does not exist for comm-a's staff.
    expect((await h.call(service, staffId('a-staff'), 'saveMentor', { ...mentor(), id: own._id, version: own.version })).status).toBe(404)

    const c = await register('r1')
    expect((await h.call(service, staffId('a-staff'), 'assignMentor', { intentId: c._id, mentorId: own._id })).status).toBe(400)
    expect((await h.call(service, staffId('b-staff'), 'assignMentor', { intentId: c._id, mentorId: own._id })).status).toBe(404)
    const view = await h.ok<CaseView>(service, staffId('a-staff'), 'assignMentor', { intentId: c._id, mentorId: m._id })
    expect(view.mentor).toMatchObject({ name: '刘建国', specialty: '餐饮门店经营' })
    const mine = (await h.ok<{ current: MyCase }>(intentActions, resident('r1'), 'mine', {})).current
    expect(mine.mentor?.name).toBe('刘建国')
    expect(JSON.stringify(mine)).not.toContain('13800001111')
  })

  it('a resident requests a session the community sees; the session is a mentor follow-up on the case', async () => {
    const { h, register } = await setup()
    const c = await register('r1')
    const early = await h.call(service, resident('r1'), 'requestMentor', { topic: '店面选址和租金怎么谈', preferredTime: '周三下午' })
    expect(JSON.stringify(early.body)).toContain('还没有为你安排导师')
    const m = await h.ok<MentorView>(service, staffId('a-staff'), 'saveMentor', mentor())
    expect((await h.call(ledger, staffId('a-staff'), 'addFollowUp', { id: c._id, kind: 'mentor', date: '2026-11-20', note: '导师辅导', outcome: '', visibleToResident: true, nextFollowUpDate: '' })).status).toBe(400)
    await h.ok(service, staffId('a-staff'), 'assignMentor', { intentId: c._id, mentorId: m._id })
    await h.ok(service, resident('r1'), 'requestMentor', { topic: '店面选址和租金怎么谈', preferredTime: '周三下午' })
    const requests = await h.ok<MentorRequest[]>(service, staffId('a-staff'), 'mentorRequests', { intentId: c._id })
    expect(requests.map((r) => [r.topic, r.status, r.mentorName])).toEqual([['店面选址和租金怎么谈', 'open', '刘建国']])
    expect((await h.call(service, staffId('b-staff'), 'mentorRequests', { intentId: c._id })).status).toBe(404)
    const v = await h.ok<CaseView>(ledger, staffId('a-staff'), 'addFollowUp', { id: c._id, kind: 'mentor', date: '2026-11-20', note: '刘建国导师面谈选址', outcome: '建议先租小店面试营业', visibleToResident: true, nextFollowUpDate: '' })
    expect(v.followUps.at(-1)).toMatchObject({ kind: 'mentor', mentorId: m._id })
  })
})

describe('sites', () => {
  it('matching: a case that asked for a site sees active sites of its chain with vacancies taking its industry', async () => {
    const { h, register } = await setup()
    await register('r1', { needs: ['site'], industry: 'catering' })
    await register('r2', { needs: ['funding'], industry: 'catering' })
    await h.ok(service, staffId('a-staff'), 'saveSite', site({ name: '甲社区孵化基地' }))
    await h.ok(service, staffId('district'), 'saveSite', site({ name: '区电商产业园', kind: 'park', industries: ['ecommerce'], vacancies: 5 }))
    await h.ok(service, staffId('district'), 'saveSite', site({ name: '区创业园', kind: 'park', vacancies: 8 }))
    await h.ok(service, staffId('b-staff'), 'saveSite', site({ name: '乙社区低租金门面', kind: 'low_rent' }))
    await h.ok(service, staffId('a-staff'), 'saveSite', site({ name: '已满的场地', vacancies: 0 }))
    const listed = await h.ok<PageOf<SiteView>>(service, resident('r1'), 'sites', {})
    expect(listed.items.filter((s) => s.matches).map((s) => s.name)).toEqual(['区创业园', '甲社区孵化基地'])
    expect(listed.items.map((s) => s.name)).not.toContain('乙社区低租金门面')
    const other = await h.ok<PageOf<SiteView>>(service, resident('r2'), 'sites', {})
    expect(other.items.some((s) => s.matches)).toBe(false)
  })

  it('apply, then placement takes a vacancy and records site help on the case in one go; the last place cannot go twice', async () => {
    const { h, register } = await setup()
    const c1 = await register('r1', { needs: ['site'] })
    const c2 = await register('r2', { needs: ['site', 'training'] })
    const s = await h.ok<SiteView>(service, staffId('a-staff'), 'saveSite', site({ vacancies: 1 }))
    const a1 = await h.ok<SiteApplication>(service, resident('r1'), 'applySite', { siteId: s._id, note: '早餐店需要 20 平米带水电的门面' })
    const a2 = await h.ok<SiteApplication>(service, resident('r2'), 'applySite', { siteId: s._id, note: '想做网店，需要一个工位' })
    expect((await h.call(service, resident('r1'), 'applySite', { siteId: s._id, note: '再申请一次试试' })).status).toBe(409)
    const pending = await h.ok<PageOf<SiteApplication>>(service, staffId('a-staff'), 'siteApplications', { status: 'pending' })
    expect(pending.items).toHaveLength(2)
    expect((await h.ok<PageOf<SiteApplication>>(service, staffId('b-staff'), 'siteApplications', {})).items).toHaveLength(0)
    expect((await h.call(service, staffId('b-staff'), 'placeSite', { id: a1._id, reply: '下周一入驻' })).status).toBe(404)

    const placed = await h.ok<SiteApplication>(service, staffId('a-staff'), 'placeSite', { id: a1._id, reply: '12 月 1 日起入驻 A-3 号位' })
    expect(placed.status).toBe('placed')
    const view = await h.ok<CaseView>(ledger, staffId('a-staff'), 'get', { id: c1._id })
    expect(view.followUps.at(-1)).toMatchObject({ kind: 'site', siteId: s._id, visibleToResident: true })
    expect((await h.ok<SiteView>(service, staffId('a-staff'), 'site', { id: s._id })).vacancies).toBe(0)

    const none = await h.call(service, staffId('a-staff'), 'placeSite', { id: a2._id, reply: '入驻' })
    expect(none.status).toBe(409)
    expect(JSON.stringify(none.body)).toContain('没有空位')
    const untouched = await h.ok<CaseView>(ledger, staffId('a-staff'), 'get', { id: c2._id })
    expect(untouched.followUps).toHaveLength(0)
    expect((await h.ok<PageOf<SiteApplication>>(service, staffId('a-staff'), 'siteApplications', { status: 'pending' })).items).toHaveLength(1)
    expect((await reconcileCounters(h.store, { repair: false })).drift).toEqual([])
  })

  it('a resident who did not ask for a site is told why they cannot apply', async () => {
    const { h, register } = await setup()
    await register('r1', { needs: ['funding'] })
    const s = await h.ok<SiteView>(service, staffId('a-staff'), 'saveSite', site())
    const r = await h.call(service, resident('r1'), 'applySite', { siteId: s._id, note: '想要一个门面' })
    expect(r.status).toBe(409)
    expect(JSON.stringify(r.body)).toContain('没有选择需要场地')
  })
})

describe('guides, stories, hotline and search', () => {
  it('guides link to policies; stories need consent; the hotline is the nearest office; search finds across kinds', async () => {
    const { h } = await setup()
    const policy = await h.ok<{ _id: string }>(policyActions, staffId('district'), 'save', draft({ title: '创业担保贷款贴息' }))
    await h.ok(policyActions, staffId('district'), 'publish', { id: policy._id })
    const g = await h.ok<GuideView>(service, staffId('district'), 'saveGuide', {
      title: '创业担保贷款申请指南',
      topic: 'loan',
      summary: '个人最高 30 万元，按规定贴息',
      steps: [{ title: '社区初审', detail: '带材料到社区创业服务站' }],
      materials: ['身份证', '营业执照'],
      where: '区就业服务中心一楼 3 号窗口',
      duration: '15 个工作日',
      policyIds: [policy._id],
      published: true,
    })
    const linked = await h.ok<PageOf<GuideView>>(service, resident('r1'), 'guides', { policyId: policy._id })
    expect(linked.items.map((x) => x.title)).toEqual(['创业担保贷款申请指南'])
    expect(g.policies[0].title).toBe('创业担保贷款贴息')

    const story = { title: '返乡开起早餐店', person: '张女士', business: '幸福早餐店', summary: '从推车到门店', body: '张女士返乡后在社区帮助下申请了创业担保贷款，开起了早餐店，带动三位邻居就业。', policyIds: [policy._id], helpUsed: ['一对一指导'], consentHow: '本人签署书面同意书', consentDate: '2026-11-30' }
    expect((await h.call(service, staffId('a-staff'), 'saveStory', story)).status).toBe(400)
    expect((await h.call(service, staffId('a-staff'), 'saveStory', { ...story, consentHow: '' })).status).toBe(400)
    const saved = await h.ok<StoryView>(service, staffId('a-staff'), 'saveStory', { ...story, consentDate: '2026-11-20' })
    expect(saved.consentRecorded).toBe(true)
    expect(JSON.stringify(saved)).not.toContain('书面同意书')

    await h.ok(service, staffId('district'), 'saveHotline', { phone: '0812-3330000', hours: '工作日 9:00–17:00', address: '区政务中心' })
    await h.ok(service, staffId('a-staff'), 'saveHotline', { phone: '0812-3331234', hours: '工作日 8:30–17:30', address: '甲社区服务站' })
    await h.ok(intentActions, resident('ra'), 'submit', registration({ idCard: idCard('51040219900101301') }))
    await h.ok(intentActions, resident('rb'), 'submit', registration({ communityId: 'comm-b', idCard: idCard('51040219900101302') }))
    expect((await h.ok<{ phone: string }>(service, resident('ra'), 'hotline', {})).phone).toBe('0812-3331234')
    expect((await h.ok<{ phone: string }>(service, resident('rb'), 'hotline', {})).phone).toBe('0812-3330000')

    const found = await h.ok<SearchResult>(service, resident('ra'), 'search', { q: '贷款' })
    expect(found.groups.map((x) => x.kind).sort()).toEqual(['guide', 'policy', 'story'])
    // The story belongs to comm-a: a comm-b resident does not find it.
    expect((await h.ok<SearchResult>(service, resident('rb'), 'search', { q: '早餐' })).groups.length).toBe(0)
    const paged = await h.ok<SearchResult>(service, resident('ra'), 'search', { q: '贷款', kind: 'guide', limit: 1 })
    expect(paged.groups.map((x) => x.kind)).toEqual(['guide'])
    expect(paged.groups[0].items[0].url).toBe(`/pkg-policy/pages/guide/index?id=${g._id}`)
    // Nothing to search for is an empty answer, not an error.
    expect(await h.ok<SearchResult>(service, resident('ra'), 'search', { q: '' })).toEqual({ top: [], groups: [], hint: null })
  })
})
