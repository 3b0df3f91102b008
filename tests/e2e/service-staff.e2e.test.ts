import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { MineOutput } from '../../cloudfunctions/_shared/contracts/intent'
import type { PolicyListOutput } from '../../cloudfunctions/_shared/contracts/policy'
import { baseUrl, eventually, launchDesk, phone, reopen, screenshot } from './browser'
import { asResident, byTest, fillAll, fn, idCard, post, staffPage } from './api'

/**
 * Issue 11, staff side: 新华社区 staff add a mentor and a guide linked to a policy on 服务资源,
 * assign the mentor on a resident's case; the resident sees the guide on the policy page and the
 * mentor on 我的创业档案. (新华's ledger: 金沙's is reserved for other tests.)
 */
let browser: Browser
let desk: BrowserContext
beforeAll(async () => ({ browser, desk } = await launchDesk({ width: 1366, height: 900 })))
afterAll(() => browser?.close())

const MENTOR = '林国栋'
const GUIDE = '新华社区个体执照办理指南'

describe('服务资源: staff keep mentors and guides, assign a mentor on a case', () => {
  let staff: Page
  let residentToken = ''
  let intentId = ''
  let policy = { _id: '', title: '' }

  it('staff add a mentor on 服务资源 (entry on 我的)', async () => {
    residentToken = (await post<{ token: string }>('/api/auth/resident', {})).token
    const staffToken = (await post<{ token: string }>('/api/auth/staff', { username: 'xinhua', password: 'Demo#2026' })).token
    await fn(residentToken, 'intent', 'submit', {
      communityId: 'c-xinhua', name: '何晓东', phone: '13698765432', idCard: idCard('51040219920311451'), gender: 'male', ageBand: '25-34', education: 'college',
      household: 'urban', targetGroups: ['graduate'], familySituation: '刚毕业，和父母同住', skillLevel: 'basic', certificates: [], industry: 'retail',
      projectDescription: '想在新华开一家社区便利店', projectPhase: 'idea', needs: ['licence'], fundingAmount: null, contactTime: 'anytime',
      projectInterestIds: [], consent: true, consentVersion: '2026-01',
    })
    intentId = (await fn<MineOutput>(residentToken, 'intent', 'mine', {})).current?._id ?? ''
    expect(intentId).not.toBe('')
    const policies = await fn<PolicyListOutput>(staffToken, 'policy', 'list', { view: 'resident', limit: 50 })
    policy = policies.items[0]
    expect(policy?._id).toBeTruthy()

    staff = await staffPage(desk, 'xinhua', `${baseUrl()}/#/pages/mine/index`)
    // 我的 sends staff to the workbench; its navigation lists what the role may do.
    await byTest(staff, 'staff-workbench-entry').click()
    await byTest(staff, 'workbench').waitFor()
    await byTest(staff, 'nav-services').click()
    await byTest(staff, 'service-resources').waitFor()
    await byTest(staff, 'mentor-list').waitFor()
    await byTest(staff, 'new-mentor').click()
    await byTest(staff, 'mentor-name-input').fill(MENTOR)
    await byTest(staff, 'mentor-field-entrepreneur').click()
    await byTest(staff, 'mentor-specialty-input').fill('社区便利店经营')
    await byTest(staff, 'mentor-organisation-input').fill('攀枝花市连锁商会')
    await byTest(staff, 'mentor-phone-input').fill('13800001111')
    await byTest(staff, 'mentor-availability-input').fill('每周二下午')
    await screenshot(staff, 'service-staff-mentor-form')
    await byTest(staff, 'mentor-save').click()
    const row = byTest(staff, 'mentor-row').filter({ hasText: MENTOR })
    await row.waitFor()
    expect(await row.innerText()).toContain('社区便利店经营')
    await byTest(staff, 'mentor-form').waitFor({ state: 'detached' })
    await screenshot(staff, 'service-staff-mentors')
  })

  it('staff add a guide linked to a policy (a wrong form shows its fields) and publish a story only with consent', async () => {
    await byTest(staff, 'resources-tab-guides').click()
    await byTest(staff, 'new-guide').click()
    await byTest(staff, 'guide-save').click()
    const wrong = byTest(staff, 'guide-form').locator('.form-field--error')
    await wrong.first().waitFor()
    const errorCount = await wrong.count()
    expect(errorCount).toBeGreaterThan(3)
    await byTest(staff, 'guide-title-input').fill(GUIDE)
    // An edited field's message goes at once; the others stay.
    expect(await wrong.count()).toBe(errorCount - 1)
    await byTest(staff, 'guide-topic-licence').click()
    await fillAll(staff, { 'guide-summary-input': '开便利店、小吃店先办个体工商户营业执照，半天能办完', 'guide-step-0-title': '网上申报', 'guide-step-0-detail': '在政务服务网填写个体工商户登记信息' })
    await byTest(staff, 'guide-step-add').click()
    await fillAll(staff, {
      'guide-step-1-title': '窗口领照',
      'guide-step-1-detail': '带身份证到区政务服务中心领取执照',
      'guide-materials-0': '身份证原件',
      'guide-where-input': '东区政务服务中心一楼市场监管窗口',
      'guide-duration-input': '材料齐全当场办结',
    })
    await byTest(staff, `guide-policy-${policy._id}`).click()
    await screenshot(staff, 'service-staff-guide-form')
    await byTest(staff, 'guide-save').click()
    const row = byTest(staff, 'guide-row').filter({ hasText: GUIDE })
    await row.waitFor()
    expect(await row.innerText()).toContain(policy.title)
    await screenshot(staff, 'service-staff-guides')
    expect(await byTest(staff, 'guide-form').count()).toBe(0)
  })

  it('staff add a course and open a session check-in screen from it', async () => {
    await byTest(staff, 'resources-tab-courses').click()
    await byTest(staff, 'new-course').click()
    await byTest(staff, 'course-kind-syb').click()
    await fillAll(staff, {
      'course-title-input': '新华社区 SYB 创业培训',
      'course-description-input': '十天学会写创业计划书，结业可申领培训补贴',
      'course-place-input': '新华社区活动室',
      'course-provider-input': '东区就业训练中心',
    })
    await byTest(staff, 'course-session-add').click()
    await byTest(staff, 'course-required-input').fill('3')
    await byTest(staff, 'course-save').click()
    // Three sessions required of two: refused beside the field, nothing saved.
    await byTest(staff, 'course-form').locator('.form-field--error').first().waitFor()
    await byTest(staff, 'course-required-input').fill('2')
    await byTest(staff, 'course-subsidised').click()
    await byTest(staff, 'course-subsidy-input').fill('800')
    await screenshot(staff, 'service-staff-course-form')
    await byTest(staff, 'course-save').click()
    const row = byTest(staff, 'course-row').filter({ hasText: '新华社区 SYB 创业培训' })
    await row.waitFor()
    expect(await row.innerText()).toContain('补贴 800 元')
    expect(await row.locator('[data-testid="course-session-checkin"]').count()).toBe(2)
    await screenshot(staff, 'service-staff-courses')
    await row.locator('[data-testid="course-session-checkin"]').nth(1).click()
    await staff.waitForURL(/course-checkin\/index\?id=co_\w+&session=1/)
    await byTest(staff, 'course-checkin-screen').waitFor()
    staff = await reopen(staff, `${baseUrl()}/#/staff/pages/service-resources/index?tab=stories`)
    await byTest(staff, 'new-story').click()
    await byTest(staff, 'story-title-input').fill('从早餐车到两家门店')
    await byTest(staff, 'story-person-input').fill('王女士')
    await byTest(staff, 'story-business-input').fill('社区早餐店')
    await byTest(staff, 'story-summary-input').fill('返乡创业三年，开了两家早餐店')
    await byTest(staff, 'story-body-input').fill('王女士 2023 年返乡，在社区的帮助下申请了创业担保贷款，从一辆早餐车做起，如今开了两家门店。')
    await byTest(staff, 'story-consent-how-input').fill('书面同意书')
    await byTest(staff, 'story-save').click()
    // No consent date, no story: the date field says so and nothing is published.
    await byTest(staff, 'story-form').locator('.form-field--error').filter({ hasText: '同意日期' }).waitFor()
    expect(await byTest(staff, 'story-row').filter({ hasText: '从早餐车到两家门店' }).count()).toBe(0)
    await screenshot(staff, 'service-staff-story-form')
    // A desktop browser gets its own date input (typing, a calendar), not the phone wheel.
    const dateBox = byTest(staff, 'story-consent-date')
    expect(await dateBox.evaluate((el) => `${el.tagName}:${el.getAttribute('type')}`)).toBe('INPUT:date')
    // With the date typed (today, the latest allowed), saving publishes it.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    await dateBox.fill(today)
    await eventually(() => dateBox.inputValue(), (v) => expect(v).toBe(today))
    await byTest(staff, 'story-save').click()
    const story = byTest(staff, 'story-row').filter({ hasText: '从早餐车到两家门店' })
    await story.waitFor()
    expect(await story.innerText()).toContain('已记录本人同意')
  })

  it('assigns the new mentor on the case page', async () => {
    staff = await reopen(staff, `${baseUrl()}/#/staff/pages/case/index?id=${encodeURIComponent(intentId)}`)
    await byTest(staff, 'case-mentor').waitFor()
    await byTest(staff, 'mentor-pick').click()
    const choice = byTest(staff, 'mentor-choice').filter({ hasText: MENTOR })
    await choice.waitFor()
    // The district's and city's mentors serve 新华 too.
    expect(await byTest(staff, 'mentor-choice').count()).toBeGreaterThan(1)
    await screenshot(staff, 'service-staff-case-mentor-pick')
    await choice.click()
    await byTest(staff, 'case-mentor-assigned').filter({ hasText: MENTOR }).waitFor()
    const mine = await fn<MineOutput>(residentToken, 'intent', 'mine', {})
    expect(mine.current?.mentor?.name).toBe(MENTOR)

    // The resident asks for a session: it shows on the case until staff close it.
    await fn(residentToken, 'service', 'requestMentor', { topic: '便利店选址怎么看人流', preferredTime: '周二下午' })
    staff = await reopen(staff, `${baseUrl()}/#/staff/pages/case/index?id=${encodeURIComponent(intentId)}`)
    const request = byTest(staff, 'mentor-request-row').filter({ hasText: '便利店选址怎么看人流' })
    await request.waitFor()
    expect(await request.innerText()).toContain('等待安排')
    await byTest(staff, 'case-mentor').scrollIntoViewIfNeeded()
    await screenshot(staff, 'service-staff-case-mentor')
    await request.getByText('已约好时间').click()
    await eventually(() => request.innerText(), (t) => expect(t).toContain('已安排'))
  })

  it('the resident sees the guide on the policy page and the mentor on their case', async () => {
    const resident = await phone(browser)
    await asResident(resident, residentToken)
    await resident.goto(`${baseUrl()}/#/pkg-policy/pages/policy-detail/index?id=${encodeURIComponent(policy._id)}`)
    const link = byTest(resident, 'policy-guide').filter({ hasText: GUIDE })
    await link.waitFor()
    expect(await link.getAttribute('role')).toBe('button')
    await byTest(resident, 'policy-guides').scrollIntoViewIfNeeded()
    await screenshot(resident, 'service-policy-guides')
    await link.click()
    await resident.waitForURL(/pages\/guide\/index\?id=/)
    await resident.locator(':visible', { hasText: '窗口领照' }).first().waitFor()
    const page = await reopen(resident, `${baseUrl()}/#/pkg-me/pages/my-case/index`)
    await byTest(page, 'mentor-card').filter({ hasText: MENTOR }).waitFor()
  })
})
