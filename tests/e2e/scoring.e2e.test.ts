import type { Browser, Page } from 'playwright-core'
import type { RubricOutput, ScoreRankingOutput } from '../../cloudfunctions/_shared/contracts/evaluation'
import { byTest, fn, staffPage, staffToken } from './api'
import { baseUrl, eventually, launch, screenshot } from './browser'

/**
 * 评审内容与评分 from the app: 西区's officer starts from seed 000's five 定性 and five 定量 items,
 * is told on the page when the weights do not add up to 100, and saves 西区's own 评审内容;
 * 清香坪街道's reviewer opens 苏铁社区's score sheet (the live index beside each 定量 item), is
 * told on the field when a score is out of its range, scores every item with a comment and
 * submits; the ranking shows 苏铁 first in 西区 with the reviewers' total, and the store agrees.
 */
let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear()

async function signedIn(username: string, path: string, viewport = { width: 1366, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN' })
  return staffPage(context, username, `${baseUrl()}/#${path}`)
}

describe('评审内容与评分', () => {
  it('a district defines its 评审内容, a street scores a community, and the ranking shows it', async () => {
    // 1. 西区 defines its 评审内容: q1 weighs 12, first refused (102), then n1 down to 8.
    const office = await signedIn('xiqu', `/staff/pages/evaluation-scores/index?year=${year}`)
    await byTest(office, 'rubric').waitFor()
    await byTest(office, 'rubric-item-n5').waitFor()
    // The 定量 item's indices are checked chips: n5 draws on 创业活动指数 and 1 年存活率.
    expect(await byTest(office, 'rubric-kind-n5-quantitative').getAttribute('data-active')).toBe('true')
    await byTest(office, 'rubric-item-n5').scrollIntoViewIfNeeded()
    await screenshot(office, 'scoring-rubric-edit')
    await byTest(office, 'rubric-weight-q1').fill('12')
    await eventually(() => byTest(office, 'rubric-sum').innerText(), (t) => expect(t).toContain('102'))
    await byTest(office, 'rubric-save').click()
    await eventually(() => byTest(office, 'rubric-error').innerText(), (t) => expect(t).toContain('合计应为 100 分'))
    await byTest(office, 'rubric-weight-n1').fill('8')
    await eventually(() => byTest(office, 'rubric-sum').innerText(), (t) => expect(t).toContain('权重合计 100 分'))
    await byTest(office, 'rubric-save').click()
    await eventually(() => byTest(office, 'rubric').innerText(), (t) => expect(t).toContain('已制定（第 1 版）'))
    await screenshot(office, 'scoring-rubric')
    const xiqu = await staffToken('xiqu')
    const saved = await fn<RubricOutput>(xiqu, 'evaluation', 'rubric', { year })
    expect(saved).toMatchObject({ custom: true, districtId: 'd-west' })
    expect(saved.items.find((i) => i.key === 'q1')?.weight).toBe(12)
    expect(saved.items.find((i) => i.key === 'n1')?.weight).toBe(8)

    // 2. 清香坪街道 scores 苏铁社区: 11 on a 0–10 item is refused on the field; then every item 8 (q1 10) with comments.
    const street = await signedIn('qingxiangping', `/staff/pages/evaluation-score/index?community=c-sutie&year=${year}`)
    await byTest(street, 'score-sheet').waitFor()
    await eventually(() => byTest(street, 'score-hint-n1-staffInPlace').innerText(), (t) => expect(t).toMatch(/^参考 .+：\d+/))
    await byTest(street, 'score-input-q1').fill('11')
    await byTest(street, 'score-save').click()
    await eventually(() => byTest(street, 'score-error-q1').innerText(), (t) => expect(t).toBe('分数应在 0–10 之间'))
    // Refused before sending: nothing stored.
    const before = await fn<ScoreRankingOutput>(await staffToken('qingxiangping'), 'evaluation', 'scoreRanking', { year })
    expect(before.districts[0].rows.every((x) => x.street === null)).toBe(true)
    for (const key of ['q1', 'q2', 'q3', 'q4', 'q5', 'n1', 'n2', 'n3', 'n4', 'n5']) {
      await byTest(street, `score-input-${key}`).fill(key === 'q1' ? '10' : '8')
      await byTest(street, `score-comment-${key}`).fill(`第 ${key} 项：台帐与走访一致`)
    }
    await byTest(street, 'score-item-n5').scrollIntoViewIfNeeded()
    await screenshot(street, 'scoring-sheet')
    await byTest(street, 'score-submit').click()
    // 12 × 10/10 + 88 × 8/10 = 82.4.
    await eventually(() => byTest(street, 'score-total-street').innerText(), (t) => expect(t).toContain('82.4 分 · 已提交'))
    await byTest(street, 'score-total-street').scrollIntoViewIfNeeded()
    await screenshot(street, 'scoring-submitted')

    // 3. The ranking: 苏铁 first in 西区 with the reviewers' total.
    const ranking = await signedIn('xiqu', `/staff/pages/evaluation-scores/index?year=${year}`)
    await byTest(ranking, 'score-ranking-d-west').waitFor()
    await eventually(() => byTest(ranking, 'score-row-c-sutie').innerText(), (t) => expect(t.replace(/\s+/g, '')).toBe('1苏铁社区82.4—82.4—'))
    await byTest(ranking, 'score-ranking-d-west').scrollIntoViewIfNeeded()
    await screenshot(ranking, 'scoring-ranking')
    const r = await fn<ScoreRankingOutput>(xiqu, 'evaluation', 'scoreRanking', { year })
    expect(r.districts[0].rows[0]).toMatchObject({ communityId: 'c-sutie', street: 82.4, reviewers: 82.4, rank: 1 })
  })

  it('the workbench’s 评审待打分 line opens the ranking filtered to the communities waiting for the reviewer’s score', async () => {
    // 新华社区 applies late: the city extends its deadline by three days, its lead submits.
    const today = new Date(Date.now() + 8 * 3600_000)
    const until = new Date(Math.min(today.getTime() + 3 * 86_400_000, Date.UTC(year, 11, 31))).toISOString().slice(0, 10)
    await fn(await staffToken('city'), 'evaluation', 'extend', { year, step: 'apply', until, communityId: 'c-xinhua', reason: '社区换届后补报' })
    const lead = await staffToken('xinhua-lead')
    const draft = await fn<{ version: number }>(lead, 'evaluation', 'draft', { year, form: { contactName: '张主任', contactPhone: '0812-7654321', overview: '新华社区 2300 户' }, report: { sections: [], summary: '五项标准基本达到，下一步扩大场地。' } })
    await fn(lead, 'evaluation', 'submit', { id: `c-xinhua:${year}`, version: draft.version })

    // 炳草岗街道's reviewer: the line counts it, and opens the ranking showing only it.
    const page = await signedIn('bingcaogang', '/staff/pages/workbench/index', { width: 390, height: 844 })
    const line = byTest(page, 'workbench-item-scoresWaiting')
    await eventually(() => line.innerText(), (t) => expect(t).toContain('评审待打分 1 个社区'))
    await line.click()
    await byTest(page, 'score-filter').waitFor()
    await eventually(() => byTest(page, 'score-filter-waiting').innerText(), (t) => expect(t).toContain('待我打分 1'))
    await byTest(page, 'score-waiting-c-xinhua').waitFor()
    expect(await page.locator('[data-testid^="score-row-"]:visible').count()).toBe(1)
    await page.waitForTimeout(600) // the page's slide-in has ended: the screenshot shows it in place
    await screenshot(page, 'scoring-waiting')
    // 全部社区: every community of the street, 新华 still marked.
    await byTest(page, 'score-filter-all').click()
    await eventually(() => page.locator('[data-testid^="score-row-"]:visible').count(), (n) => expect(n).toBeGreaterThan(1))
    await byTest(page, 'score-waiting-c-xinhua').waitFor()
    const ranking = await fn<ScoreRankingOutput>(await staffToken('bingcaogang'), 'evaluation', 'scoreRanking', { year })
    const rows = ranking.districts.flatMap((d) => d.rows)
    expect(rows.filter((x) => x.toScore).map((x) => x.communityId)).toEqual(['c-xinhua'])
    // A community's lead does not score: no filter, no marks.
    const own = await fn<ScoreRankingOutput>(lead, 'evaluation', 'scoreRanking', { year })
    expect(own.districts.flatMap((d) => d.rows).some((x) => 'toScore' in x)).toBe(false)
  })
})
