import ExcelJS from 'exceljs'
import type {
  SurveyDetail,
  SurveyDraftInput,
  SurveyExport,
  SurveyListOutput,
  SurveyOpenOutput,
  SurveyResults,
  SurveyView,
} from '../../../_shared/contracts/survey'
import type { Counter } from '../../../_shared/domain/counter'
import { type Level, type SurveyResponse, type SurveyTemplateKey, tallyFromResponses } from '../../../_shared/domain/survey'
import { surveyTemplate } from '../../../_shared/domain/survey-templates'
import type { Collections } from '../../../_shared/store/collections'
import type { SqliteStore } from '../../../_shared/store/sqlite/adapter'
import { makeHarness, resident, staffId, testStaff } from '../../../_shared/testing/harness'
import { quarterCounts } from '../../../_shared/testing/counters'
import { reconcileCounters } from '../../../_shared/runtime/reconcile'
import { profileActions } from '../../../profile/actions'
import { makeSurveyActions } from '..'
import { testExportFiles } from '../../../_shared/testing/export-files'
import { fromTemplate } from './fixtures'

const exportsForTest = testExportFiles()
const surveyActions = makeSurveyActions(exportsForTest.files)

const STAFF = testStaff('a-staff', 'b-staff', 'district', 'reviewer')

async function setup() {
  const h = await makeHarness(STAFF)
  const staff = (who: string) => staffId(who)
  const create = (who: string, key: SurveyTemplateKey = 'service', over: Partial<SurveyDraftInput> = {}) =>
    h.ok<SurveyView>(surveyActions, staff(who), 'save', fromTemplate(key, over))
  const published = async (who: string, key: SurveyTemplateKey = 'service', over: Partial<SurveyDraftInput> = {}) => {
    const s = await create(who, key, over)
    return h.ok<SurveyView>(surveyActions, staff(who), 'publish', { id: s._id })
  }
  const joinCommunity = (id: string, communityId = 'comm-a') =>
    h.ok(profileActions, resident(id), 'save', { communityId, targetGroups: [] })
  const answer = (id: string, surveyId: string, levels: Level[], comments: { question: string; text: string }[] = []) =>
    h.call(surveyActions, resident(id), 'answer', { id: surveyId, levels, comments })
  const results = (who: ReturnType<typeof staffId>, id: string) => h.call<SurveyResults>(surveyActions, who, 'results', { id })
  const responses = async (surveyId: string) => {
    const out: SurveyResponse[] = []
    for await (const b of h.store.collection('surveyResponses').scan(undefined, 200)) out.push(...b.filter((r) => r.surveyId === surveyId))
    return out
  }
  return { h, create, published, joinCommunity, answer, results, responses }
}

const all = (n: number, level: Level): Level[] => Array.from({ length: n }, () => level)

describe('survey.save / publish / close', () => {
  it('creates a draft from a template in the caller’s org, ignoring an org smuggled in the body', async () => {
    const { h } = await setup()
    const s = await h.ok<SurveyView>(surveyActions, staffId('a-staff'), 'save', { ...fromTemplate('environment'), orgId: 'city', status: 'published' })
    expect(s).toMatchObject({ orgId: 'comm-a', orgName: '甲社区', status: 'draft', state: 'draft', version: 1, editable: true })
    expect(s.questions).toHaveLength(10)
    expect(s.dimensions.map((d) => d.weight)).toEqual([1, 1, 1, 1, 1, 1, 1])
  })

  it('rejects bad input with 400 naming every field, and writes nothing', async () => {
    const { h } = await setup()
    const bad = fromTemplate('service', {
      title: '短',
      period: '2026-Q5',
      opensOn: '2026-12-01',
      closesOn: '2026-11-01',
      questions: [{ id: 'q1', text: '好', dimension: 'guidance', allowComment: false }],
    })
    const res = await h.call(surveyActions, staffId('a-staff'), 'save', bad)
    expect(res.status).toBe(400)
    const paths = res.body.ok ? [] : (res.body.error.fields ?? []).map((f) => f.path)
    expect(paths).toEqual(expect.arrayContaining(['title', 'period', 'questions.0.text']))
    expect(await h.store.collection('surveys').count()).toBe(0)
  })

  it('refuses a question without a dimension, a dimension without questions, and an end before the start', async () => {
    const { h } = await setup()
    const t = fromTemplate('service')
    const res = await h.call(surveyActions, staffId('a-staff'), 'save', {
      ...t,
      questions: t.questions.map((q, i) => (i === 0 ? { ...q, dimension: 'nope' } : q)),
    })
    expect(res.body.ok ? null : res.body.error.fields).toEqual([
      { path: 'questions.0.dimension', message: '请为这道题选择维度' },
      { path: 'dimensions.0.key', message: '“创业指导”还没有题目，请添加题目或删掉这个维度' },
    ])
    const dates = await h.call(surveyActions, staffId('a-staff'), 'save', { ...t, opensOn: '2026-12-01', closesOn: '2026-11-01' })
    expect(dates.body.ok ? null : dates.body.error.fields).toEqual([{ path: 'closesOn', message: '结束日期不能早于开始日期' }])
  })

  it('edits a draft with its version; once published the questions are fixed', async () => {
    const { h, create } = await setup()
    const s = await create('a-staff')
    const edited = await h.ok<SurveyView>(surveyActions, staffId('a-staff'), 'save', fromTemplate('service', { id: s._id, version: 1, title: '2026 年四季度创业服务满意度' }))
    expect(edited).toMatchObject({ version: 2, title: '2026 年四季度创业服务满意度' })
    const stale = await h.call(surveyActions, staffId('a-staff'), 'save', fromTemplate('service', { id: s._id, version: 1 }))
    expect(stale.status).toBe(409)
    await h.ok(surveyActions, staffId('a-staff'), 'publish', { id: s._id })
    const late = await h.call(surveyActions, staffId('a-staff'), 'save', fromTemplate('service', { id: s._id, version: 3 }))
    expect(late.status).toBe(409)
    expect(late.body.ok ? '' : late.body.error.message).toContain('已发布')
  })

  it('refuses to publish a survey whose last day has passed', async () => {
    const { h, create } = await setup()
    const s = await create('a-staff', 'service', { opensOn: '2026-10-01', closesOn: '2026-10-31' })
    const res = await h.call(surveyActions, staffId('a-staff'), 'publish', { id: s._id })
    expect(res.status).toBe(409)
    expect((await h.store.collection('surveys').get(s._id))?.status).toBe('draft')
  })

  it('audits every staff write and export', async () => {
    const { h, published } = await setup()
    const s = await published('a-staff')
    await h.ok(surveyActions, staffId('a-staff'), 'close', { id: s._id })
    await h.ok(surveyActions, staffId('a-staff'), 'export', { id: s._id })
    await h.call(surveyActions, staffId('b-staff'), 'export', { id: s._id })
    const audit = (await h.store.collection('audit').find({ limit: 50 })).items
    const rows = audit.map((a) => [a.action.split('.')[1], a.kind, a.actorId, a.target, a.result]).sort()
    expect(rows).toEqual(
      [
        ['close', 'write', 'a-staff', s._id, 'ok'],
        ['export', 'export', 'a-staff', s._id, 'ok'],
        ['export', 'export', 'b-staff', s._id, 'denied'],
        ['publish', 'write', 'a-staff', s._id, 'ok'],
        ['save', 'write', 'a-staff', s._id, 'ok'],
      ].sort(),
    )
  })
})

describe('scope', () => {
  it('staff of another community cannot read, change, close or export a survey (404); a read-only role cannot write (403)', async () => {
    const { h, published, answer, joinCommunity } = await setup()
    const s = await published('a-staff')
    await joinCommunity('r1')
    await answer('r1', s._id, all(7, 4))
    for (const action of ['results', 'get', 'close', 'export']) {
      expect({ action, status: (await h.call(surveyActions, staffId('b-staff'), action, { id: s._id })).status }).toEqual({ action, status: 404 })
    }
    const list = await h.ok<SurveyListOutput>(surveyActions, staffId('b-staff'), 'list', {})
    expect(list.items).toEqual([])
    // The street above both communities reads and exports, but cannot change a survey.
    expect((await h.call(surveyActions, staffId('reviewer'), 'results', { id: s._id })).status).toBe(200)
    expect((await h.call(surveyActions, staffId('reviewer'), 'export', { id: s._id })).status).toBe(200)
    expect((await h.call(surveyActions, staffId('reviewer'), 'close', { id: s._id })).status).toBe(403)
    expect((await h.call(surveyActions, staffId('reviewer'), 'save', fromTemplate('service'))).status).toBe(403)
    // The district above closes it.
    expect((await h.call(surveyActions, staffId('district'), 'close', { id: s._id })).status).toBe(200)
  })

  it('residents cannot use staff actions, and staff cannot answer', async () => {
    const { h, published } = await setup()
    const s = await published('a-staff')
    expect((await h.call(surveyActions, resident('r1'), 'save', fromTemplate('service'))).status).toBe(403)
    expect((await h.call(surveyActions, resident('r1'), 'close', { id: s._id })).status).toBe(403)
    expect((await h.call(surveyActions, resident('r1'), 'list', {})).status).toBe(403)
    expect((await h.call(surveyActions, staffId('a-staff'), 'answer', { id: s._id, levels: all(7, 5) })).status).toBe(403)
    expect((await h.call(surveyActions, null, 'open', {})).status).toBe(401)
  })

  it('a resident of another community cannot answer the community’s survey, but anyone may answer an event survey', async () => {
    const { h, published, answer, joinCommunity } = await setup()
    const s = await published('a-staff')
    const needs = await answer('r1', s._id, all(7, 4))
    expect(needs.status).toBe(400)
    expect(needs.body.ok ? null : needs.body.error.fields).toEqual([{ path: 'community', message: '请先选择你所在的社区' }])
    await joinCommunity('r1', 'comm-b')
    expect((await answer('r1', s._id, all(7, 4))).status).toBe(403)
    const detail = await h.ok<SurveyDetail>(surveyActions, resident('r1'), 'get', { id: s._id })
    expect(detail.outOfScope).toBe(true)
    const ev = await published('a-staff', 'event')
    expect((await answer('r2', ev._id, all(3, 5))).status).toBe(200)
  })
})

describe('survey.open / get', () => {
  it('lists my community’s open surveys with whether I answered, and nothing before I pick a community', async () => {
    const { h, published, create, joinCommunity, answer } = await setup()
    const s = await published('a-staff')
    await create('a-staff', 'environment') // a draft: not listed
    await published('b-staff') // another community
    await published('district', 'environment', { title: '东区创业环境满意度调查' }) // from above: listed
    await published('a-staff', 'event') // answered on site: not listed
    expect(await h.ok<SurveyOpenOutput>(surveyActions, resident('r1'), 'open', {})).toEqual({ needsCommunity: true, open: [], closed: [] })
    await joinCommunity('r1')
    await answer('r1', s._id, all(7, 5))
    const out = await h.ok<SurveyOpenOutput>(surveyActions, resident('r1'), 'open', {})
    expect(out.open.map((c) => [c.title, c.orgName, c.answered]).sort()).toEqual(
      [
        ['东区创业环境满意度调查', '测试区', false],
        ['社区创业服务满意度调查', '甲社区', true],
      ].sort(),
    )
    await h.ok(surveyActions, staffId('a-staff'), 'close', { id: s._id })
    const after = await h.ok<SurveyOpenOutput>(surveyActions, resident('r1'), 'open', {})
    expect(after.open.map((c) => c.title)).toEqual(['东区创业环境满意度调查'])
    expect(after.closed.map((c) => [c.title, c.state])).toEqual([['社区创业服务满意度调查', 'closed']])
  })

  it('gives a resident their own answer back to change, and hides drafts', async () => {
    const { h, published, create, joinCommunity, answer } = await setup()
    const s = await published('a-staff')
    await joinCommunity('r1')
    await answer('r1', s._id, [5, 4, 3, 2, 1, 5, 4], [{ question: 'q1', text: '指导员很耐心' }])
    const d = await h.ok<SurveyDetail>(surveyActions, resident('r1'), 'get', { id: s._id })
    expect(d).toMatchObject({ answered: true, outOfScope: false, needsCommunity: false })
    expect(d.mine).toEqual({ levels: [5, 4, 3, 2, 1, 5, 4], comments: [{ question: 'q1', text: '指导员很耐心' }] })
    const other = await h.ok<SurveyDetail>(surveyActions, resident('r2'), 'get', { id: s._id })
    expect(other).toMatchObject({ answered: false, mine: null })
    const draft = await create('a-staff')
    expect((await h.call(surveyActions, resident('r1'), 'get', { id: draft._id })).status).toBe(404)
  })
})

describe('survey.answer', () => {
  it('a retry with the same request id (a dropped connection) changes nothing; a new submission replaces', async () => {
    const { h, published, joinCommunity, responses } = await setup()
    const s = await published('a-staff')
    await joinCommunity('r1')
    const send = (levels: Level[], requestId: string) =>
      h.ok<{ replaced: boolean }>(surveyActions, resident('r1'), 'answer', { id: s._id, levels, comments: [], requestId })
    expect(await send(all(7, 4), 'req-first-0001')).toEqual({ answered: true, replaced: false })
    expect(await send(all(7, 4), 'req-first-0001')).toEqual({ answered: true, replaced: false })
    expect((await responses(s._id))[0]?.revisions).toBe(0)
    const tally = await h.store.collection('surveyTallies').get(s._id)
    expect(tally?.n).toBe(1)
    expect(await send(all(7, 5), 'req-second-002')).toEqual({ answered: true, replaced: true })
    expect(await send(all(7, 5), 'req-second-002')).toEqual({ answered: true, replaced: true })
    expect((await responses(s._id))[0]?.revisions).toBe(1)
    expect((await h.call(surveyActions, resident('r1'), 'answer', { id: s._id, levels: all(7, 5), requestId: 'bad id!' })).status).toBe(400)
  })

  it('validates the answer against the survey: every question, levels 1–5, comments only where offered', async () => {
    const { published, joinCommunity, answer } = await setup()
    const s = await published('a-staff')
    await joinCommunity('r1')
    const short = await answer('r1', s._id, all(6, 4))
    expect(short.body.ok ? null : short.body.error.fields).toEqual([{ path: 'levels', message: '请回答全部 7 道题' }])
    const wrong = await answer('r1', s._id, [5, 4, 6 as Level, 4, 4, 4, 4])
    expect(wrong.status).toBe(400)
    expect(wrong.body.ok ? null : wrong.body.error.fields).toEqual([{ path: 'levels.2', message: '请选择满意程度' }])
    const comment = await answer('r1', s._id, all(7, 4), [{ question: 'q2', text: '第二题不收意见' }])
    expect(comment.body.ok ? null : comment.body.error.fields).toEqual([{ path: 'comments.0.question', message: '这道题不需要填写意见' }])
  })

  it('a closed survey refuses answers with a clear message, and so does one not yet open', async () => {
    const { h, published, joinCommunity, answer } = await setup()
    const s = await published('a-staff')
    await joinCommunity('r1')
    await h.ok(surveyActions, staffId('a-staff'), 'close', { id: s._id })
    const res = await answer('r1', s._id, all(7, 4))
    expect(res.status).toBe(409)
    expect(res.body.ok ? '' : res.body.error.message).toBe('这份问卷已经结束，不能再提交了，感谢关注')
    const later = await published('a-staff', 'environment', { opensOn: '2026-12-01', closesOn: '2026-12-31' })
    const early = await answer('r1', later._id, all(10, 4))
    expect(early.body.ok ? '' : early.body.error.message).toBe('这份问卷还没开始，2026-12-01 起可以填写')
    // Past its last day it is closed even without staff closing it.
    const s2 = await published('a-staff', 'service', { closesOn: '2026-11-25' })
    h.setNow('2026-11-26T02:00:00.000Z')
    expect((await answer('r1', s2._id, all(7, 4))).status).toBe(409)
    expect(await h.store.collection('surveyResponses').count()).toBe(0)
  })

  it('answering again replaces my answer: the response count, the per-question tally and the index agree, counters reconcile with drift 0', async () => {
    const { h, published, joinCommunity, answer, results, responses } = await setup()
    const s = await published('a-staff')
    await joinCommunity('r1')
    await joinCommunity('r2')
    expect((await answer('r1', s._id, all(7, 1))).body).toEqual({ ok: true, data: { answered: true, replaced: false } })
    await answer('r2', s._id, all(7, 5))
    expect((await answer('r1', s._id, all(7, 4))).body).toEqual({ ok: true, data: { answered: true, replaced: true } })
    const r = await results(staffId('a-staff'), s._id)
    if (!r.body.ok) throw new Error(r.body.error.message)
    expect(r.body.data.index.n).toBe(2)
    expect(r.body.data.index.composite).toBe(87.5) // (75 + 100) / 2: r1's first answer is gone
    expect(r.body.data.index.questions[0].counts).toEqual([0, 0, 0, 1, 1])
    expect(await h.store.collection('surveyResponses').count()).toBe(2)
    const quarter = await quarterCounts(h.store, 'comm-a', '2026-Q4')
    expect(quarter).toMatchObject({
      satisfactionResponses: 2,
      satisfactionServiceResponses: 2,
      satisfactionServiceScoreCenti: 17500,
      satisfactionServiceAnswers: 14,
      satisfactionServiceSatisfied: 14,
    })
    // The staff list's response count is the same n, not 3 (one per submission).
    const list = await h.ok<SurveyListOutput>(surveyActions, staffId('a-staff'), 'list', {})
    expect(list.items.find((x) => x._id === s._id)?.n).toBe(2)
    // The tally equals a recount of the raw answers: r1's second answer, r2's only one.
    const raw = await responses(s._id)
    expect(raw.map((x) => x.levels[0]).sort()).toEqual([4, 5])
    const tally = await h.store.collection('surveyTallies').get(s._id)
    const survey = await h.store.collection('surveys').get(s._id)
    if (!survey) throw new Error('survey missing')
    expect(tally).toEqual(tallyFromResponses(survey, raw))
    // The period counters behind the satisfaction index recount to the same figures.
    expect((await reconcileCounters(h.store, { repair: false })).drift).toEqual([])
  })

  it('stores no identity with the answers: the raw database holds the resident id only in their profile', async () => {
    const { h, published, joinCommunity, answer } = await setup()
    const s = await published('a-staff')
    const who = 'wx-openid-o6_bmjrPTlm6_2sgVt7hMZOPfL2M'
    await joinCommunity(who)
    await answer(who, s._id, all(7, 4), [{ question: 'q1', text: '挺好' }])
    const db = (h.store as unknown as SqliteStore<Collections>).db
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name)
    const holding: string[] = []
    for (const table of tables) {
      const rows = db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]
      for (const row of rows) if (JSON.stringify(row).includes(who)) holding.push(`${table}:${String(row._id)}`)
    }
    expect(holding).toEqual([`profiles:${who}`])
    const raw = db.prepare(`SELECT _id, doc FROM "surveyResponses"`).all() as { _id: string; doc: string }[]
    expect(raw).toHaveLength(1)
    expect(Object.keys(JSON.parse(raw[0].doc)).sort()).toEqual(['_id', 'comments', 'firstOn', 'hasComment', 'levels', 'revisions', 'surveyId'])
    expect(raw[0]._id).toBe(h.keyring.keyedHash('survey-response', s._id, who))
  })

  it('500 concurrent distinct answers: none lost, the tally equals a recount of the raw answers', async () => {
    const { h, published, joinCommunity, answer, responses } = await setup()
    const s = await published('a-staff', 'environment')
    const ids = Array.from({ length: 500 }, (_, i) => `burst-${i}`)
    for (const id of ids) await joinCommunity(id)
    let seed = 42
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const levels = ids.map(() => Array.from({ length: 10 }, () => (1 + Math.floor(rand() * 5)) as Level))
    const replies = await Promise.all(ids.map((id, i) => answer(id, s._id, levels[i])))
    expect(replies.filter((r) => r.status !== 200)).toEqual([])
    const stored = await responses(s._id)
    expect(stored).toHaveLength(500)
    const tally = await h.store.collection('surveyTallies').get(s._id)
    expect(tally).toEqual(tallyFromResponses(s, stored))
    expect(tally).toEqual(tallyFromResponses(s, levels.map((l) => ({ levels: l }))))
    const counters = (await h.store.collection('counters').get('comm-a:2026-M11')) as Counter
    expect(counters.satisfactionResponses).toBe(500)
    expect(counters.satisfactionEnvironmentAnswers).toBe(5000)
  })
})

describe('survey.results', () => {
  it('staff read the index from the tally, comments without identity, and the previous quarter', async () => {
    const { h, published, joinCommunity, answer, results } = await setup()
    // Last quarter's survey, answered by one resident (all 一般 = 50).
    h.setNow('2026-08-10T02:00:00.000Z')
    const q3 = await published('a-staff', 'service', { period: '2026-Q3', opensOn: '2026-08-01', closesOn: '2026-09-30' })
    await joinCommunity('r0')
    await answer('r0', q3._id, all(7, 3))
    h.setNow('2026-11-22T02:00:00.000Z')
    const s = await published('a-staff')
    for (const [i, level] of ([5, 4, 3] as Level[]).entries()) {
      await joinCommunity(`r${i + 1}`)
      await answer(`r${i + 1}`, s._id, all(7, level), level === 3 ? [{ question: 'q7', text: '希望多组织培训' }] : [])
    }
    const r = await results(staffId('a-staff'), s._id)
    if (!r.body.ok) throw new Error(r.body.error.message)
    const { index, previous, comments } = r.body.data
    expect(index).toMatchObject({ n: 3, composite: 75, lowConfidence: true })
    expect(index.satisfactionRate).toBeCloseTo(2 / 3, 10)
    expect(previous).toMatchObject({ surveyId: q3._id, period: '2026-Q3', index: { n: 1, composite: 50 } })
    expect(comments).toEqual({ items: [{ question: 'q7', questionText: '总体来说，你对社区的创业服务满意吗？', text: '希望多组织培训' }], next: null })
  })

  it('residents see the results only after the survey closes, and only for their community', async () => {
    const { h, published, joinCommunity, answer } = await setup()
    const s = await published('a-staff')
    await joinCommunity('r1')
    await joinCommunity('r2', 'comm-b')
    await answer('r1', s._id, all(7, 4), [{ question: 'q1', text: '不公开的意见' }])
    const early = await h.call(surveyActions, resident('r1'), 'results', { id: s._id })
    expect(early.status).toBe(403)
    expect(early.body.ok ? '' : early.body.error.message).toBe('问卷结束后才能查看结果')
    await h.ok(surveyActions, staffId('a-staff'), 'close', { id: s._id })
    const r = await h.ok<SurveyResults>(surveyActions, resident('r1'), 'results', { id: s._id })
    expect(r.index).toMatchObject({ n: 1, composite: 75 })
    expect(r.comments).toBeNull()
    expect(r.previous).toBeNull()
    expect((await h.call(surveyActions, resident('r2'), 'results', { id: s._id })).status).toBe(403)
  })
})

describe('survey.export', () => {
  it('exports the index, distribution and anonymous answers as .xlsx, with formula-like text neutralised', async () => {
    const { h, published, joinCommunity, answer } = await setup()
    const s = await published('a-staff')
    await joinCommunity('r1')
    await joinCommunity('r2')
    await answer('r1', s._id, all(7, 5), [{ question: 'q3', text: '=HYPERLINK("http://x")' }])
    await answer('r2', s._id, all(7, 2))
    const out = await h.ok<SurveyExport>(surveyActions, staffId('a-staff'), 'export', { id: s._id })
    expect(out.fileName).toBe('社区创业服务满意度调查-甲社区-2026-Q4.xlsx')
    // Handed over as a file, like every download (a cloud file id on CloudBase, a link here).
    expect(out.url).toMatch(/^\/api\/downloads\//)
    const bytes = exportsForTest.read(out)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
    expect(out.bytes).toBe(bytes.length)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '各题分布', '答卷明细', '意见'])
    const summary = wb.getWorksheet('汇总')
    const cells = new Map<string, unknown>()
    summary?.eachRow((row) => cells.set(String(row.getCell(1).value), row.getCell(2).value))
    expect(cells.get('有效答卷（份）')).toBe(2)
    expect(cells.get('综合满意度指数（0–100）')).toBe(62.5) // (100 + 25) / 2
    expect(cells.get('满意率（满意及以上）')).toBe(0.5)
    const dist = wb.getWorksheet('各题分布')?.getRow(2).values as unknown[]
    expect(dist.slice(1, 9)).toEqual([1, surveyTemplate('service').questions[0].text, '创业指导', 1, 0, 0, 1, 0])
    const comment = wb.getWorksheet('意见')?.getRow(2).getCell(3).value
    expect(comment).toBe(`'=HYPERLINK("http://x")`)
    const rawRows = wb.getWorksheet('答卷明细')?.rowCount
    expect(rawRows).toBe(3)
  })
})
