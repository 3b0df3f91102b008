/**
 * 评审内容与评分: a district defines its 评审内容 for a year (seed 000's five 定性 and five 定量 items
 * to start from), street and district reviewers score each item with a comment, the city's spot
 * check scores beside them, and the district's ranking uses the reviewers' totals. Every refusal
 * writes nothing: a score outside its item's range (400 with the field), a submitted score or a
 * closed year (409 saying who can reopen it), a community outside the caller's scope (403).
 */
import type { RubricOutput, ScoreRankingOutput, ScoreSheetOutput } from '../../../_shared/contracts/evaluation'
import type { Org } from '../../../_shared/domain/org'
import { DEFAULT_RUBRIC_ITEMS, type RubricItem } from '../../../_shared/domain/review-rubric'
import type { StaffRole } from '../../../_shared/domain/roles'
import { makeHarness, staffId, testStaff } from '../../../_shared/testing/harness'
import { makeEvaluationActions } from '..'

const STAFF: { id: string; role: StaffRole; orgId: string }[] = [
  ...testStaff('a-lead', 'reviewer', 'district', 'city'),
  { id: 'other-reviewer', role: 'street_reviewer', orgId: 'street2' },
  { id: 'other-district', role: 'district_officer', orgId: 'dist2' },
]
const MORE_ORGS: Org[] = [
  { _id: 'dist2', name: '另一区', level: 'district', parentId: 'city', path: ['city', 'dist2'] },
  { _id: 'street2', name: '另一街道', level: 'street', parentId: 'dist2', path: ['city', 'dist2', 'street2'] },
  { _id: 'comm-c', name: '丙社区', level: 'community', parentId: 'street2', path: ['city', 'dist2', 'street2', 'comm-c'] },
]
/** The district's own rubric: seed 000's ten items, but 定性 items 8 points and 定量 items 12, scored 0–5 and 0–10. */
const ITEMS: RubricItem[] = DEFAULT_RUBRIC_ITEMS.map((i) => (i.kind === 'qualitative' ? { ...i, weight: 8, max: 5 } : { ...i, weight: 12 }))
/** Every item scored full marks but the last 定量 item (n5) scored 5 of 10. */
const FULL = ITEMS.map((i) => ({ key: i.key, score: i.key === 'n5' ? 5 : i.max, comment: `${i.label}：材料齐全` }))

async function setup() {
  const h = await makeHarness(STAFF)
  for (const o of MORE_ORGS) await h.store.collection('orgs').insert(o)
  const ev = makeEvaluationActions(() => {
    throw new Error('no documents here')
  })
  const ok = <T>(who: string, action: string, data: unknown) => h.ok<T>(ev, staffId(who), action, data)
  const call = (who: string, action: string, data: unknown) => h.call(ev, staffId(who), action, data)
  type R = Awaited<ReturnType<typeof call>>
  const fields = (r: R) => (r.body.ok ? [] : (r.body.error.fields ?? []).map((f) => f.path))
  const message = (r: R) => (r.body.ok ? '' : r.body.error.message)
  const scores = async () => (await h.store.collection('reviewScores').find({ limit: 100 })).items
  return { h, ok, call, fields, message, scores }
}

describe('评审内容: the district defines its items for the year', () => {
  it('starts from seed 000’s five 定性 and five 定量 items, and the district saves its own', async () => {
    const { ok, call, fields, h } = await setup()
    const start = await ok<RubricOutput>('district', 'rubric', { year: 2026 })
    expect(start).toMatchObject({ districtId: 'dist', custom: false, mayEdit: true, version: 0 })
    expect(start.items.filter((i) => i.kind === 'qualitative')).toHaveLength(5)
    expect(start.items.filter((i) => i.kind === 'quantitative')).toHaveLength(5)
    expect(start.items.find((i) => i.key === 'n5')?.indices).toEqual(['activity', 'survival12'])

    // Weights not adding up to 100, a 定量 item without an index: 400 naming the field, nothing written.
    const bad = await call('district', 'defineRubric', { year: 2026, items: ITEMS.map((i) => (i.key === 'q1' ? { ...i, weight: 9 } : i)) })
    expect(bad.status).toBe(400)
    expect(fields(bad)).toEqual(['items'])
    const noIndex = await call('district', 'defineRubric', { year: 2026, items: ITEMS.map((i) => (i.key === 'n1' ? { ...i, indices: [] } : i)) })
    expect(noIndex.status).toBe(400)
    expect(fields(noIndex)).toEqual(['items'])
    expect(await h.store.collection('reviewRubrics').count()).toBe(0)

    const saved = await ok<RubricOutput>('district', 'defineRubric', { year: 2026, items: ITEMS })
    expect(saved).toMatchObject({ custom: true, version: 1 })
    // The street reads its district's rubric, read-only; the city names the district.
    expect(await ok<RubricOutput>('reviewer', 'rubric', { year: 2026 })).toMatchObject({ custom: true, districtId: 'dist', mayEdit: false, items: ITEMS })
    expect(await ok<RubricOutput>('city', 'rubric', { year: 2026, districtId: 'dist' })).toMatchObject({ custom: true, mayEdit: false })
    expect(fields(await call('city', 'rubric', { year: 2026 }))).toEqual(['districtId'])
    // Only a district defines one.
    for (const who of ['reviewer', 'city']) expect((await call(who, 'defineRubric', { year: 2026, items: ITEMS })).status).toBe(403)
  })
})

describe('评分: street and district score each item, the city beside them', () => {
  it('scores with comments, totals by weight, and ranks the district by the reviewers’ totals', async () => {
    const { ok, call, message } = await setup()
    // No rubric yet: nobody can score, and the refusal says who writes one.
    const early = await call('reviewer', 'score', { communityId: 'comm-a', year: 2026, items: FULL })
    expect(early.status).toBe(409)
    expect(message(early)).toContain('测试区创建办制定')
    await ok('district', 'defineRubric', { year: 2026, items: ITEMS })

    // The sheet shows each 定量 item's live index as a hint.
    const sheet = await ok<ScoreSheetOutput>('reviewer', 'scoreSheet', { communityId: 'comm-a', year: 2026 })
    expect(sheet).toMatchObject({ mine: 'street', may: { score: true, reopen: [] }, scores: { street: null, district: null, city: null } })
    expect(sheet.hints.n5.map((x) => x.key)).toEqual(['activity', 'survival12'])
    expect(sheet.hints.n1[0]).toMatchObject({ key: 'staffInPlace', label: expect.any(String), value: expect.any(String) })
    expect(sheet.hints.q1).toBeUndefined()

    // A draft first (part of the items), then the submitted sheet.
    const draft = await ok<ScoreSheetOutput>('reviewer', 'score', { communityId: 'comm-a', year: 2026, items: FULL.slice(0, 3) })
    expect(draft.scores.street).toMatchObject({ status: 'draft', total: 24, level: 'street' })
    const a = await ok<ScoreSheetOutput>('reviewer', 'score', { communityId: 'comm-a', year: 2026, items: FULL, submit: true, version: 1 })
    // 5 × 8 + 4 × 12 + 12 × 5/10 = 94.
    expect(a.scores.street).toMatchObject({ status: 'submitted', total: 94, byName: 'reviewer' })
    expect(a.scores.street?.items.find((i) => i.key === 'q1')?.comment).toBe(`${ITEMS[0].label}：材料齐全`)
    expect(a.may.score).toBe(false)
    // comm-b: 定性 all 3 of 5, 定量 all 10.
    await ok('reviewer', 'score', { communityId: 'comm-b', year: 2026, submit: true, items: ITEMS.map((i) => ({ key: i.key, score: i.kind === 'qualitative' ? 3 : 10, comment: '' })) })
    await ok('district', 'score', { communityId: 'comm-a', year: 2026, submit: true, items: FULL.map((s) => ({ ...s, score: s.key === 'n5' ? 10 : s.score })) })
    await ok('city', 'score', { communityId: 'comm-b', year: 2026, submit: true, items: ITEMS.map((i) => ({ key: i.key, score: 0, comment: '抽查未见台帐' })) })

    const ranking = await ok<ScoreRankingOutput>('district', 'scoreRanking', { year: 2026 })
    expect(ranking.districts).toHaveLength(1)
    // comm-a: street 94, district 100 → 97; comm-b: street 84 only → 84, the city's 0 beside it.
    expect(ranking.districts[0]).toMatchObject({
      districtId: 'dist',
      hasRubric: true,
      rows: [
        { communityId: 'comm-a', street: 94, district: 100, reviewers: 97, city: null, rank: 1 },
        { communityId: 'comm-b', street: 84, district: null, reviewers: 84, city: 0, rank: 2 },
      ],
    })
    // The city sees every district; one without scores lists its community unranked.
    const city = await ok<ScoreRankingOutput>('city', 'scoreRanking', { year: 2026 })
    expect(city.districts.map((d) => d.districtId)).toEqual(['dist', 'dist2'])
    expect(city.districts.find((d) => d.districtId === 'dist2')).toMatchObject({ hasRubric: false, rows: [{ communityId: 'comm-c', reviewers: null, rank: null }] })
    // The street sees only its own communities.
    expect((await ok<ScoreRankingOutput>('other-reviewer', 'scoreRanking', { year: 2026 })).districts[0].rows.map((r) => r.communityId)).toEqual(['comm-c'])
  })
})

describe('评分: bad input writes nothing', () => {
  it('a score outside its item’s range is 400 naming the field', async () => {
    const { ok, call, fields, scores } = await setup()
    await ok('district', 'defineRubric', { year: 2026, items: ITEMS })
    // q1 is scored 0–5: 6 is out of range; n1 is 0–10: −1 is out of range; an unknown item is named too.
    const items = FULL.map((s) => (s.key === 'q1' ? { ...s, score: 6 } : s.key === 'n1' ? { ...s, score: -1 } : s))
    const r = await call('reviewer', 'score', { communityId: 'comm-a', year: 2026, items: [...items, { key: 'zz', score: 1, comment: '' }] })
    expect(r.status).toBe(400)
    expect(fields(r)).toEqual(['items.0.score', 'items.5.score', 'items.10.key'])
    // Submitting with items missing names `items`.
    const part = await call('reviewer', 'score', { communityId: 'comm-a', year: 2026, submit: true, items: FULL.slice(0, 9) })
    expect(part.status).toBe(400)
    expect(fields(part)).toEqual(['items'])
    expect(await scores()).toEqual([])
  })

  it('a submitted score is 409 saying who can send it back; the district sends it back and the street edits it', async () => {
    const { ok, call, message, scores } = await setup()
    await ok('district', 'defineRubric', { year: 2026, items: ITEMS })
    await ok('reviewer', 'score', { communityId: 'comm-a', year: 2026, items: FULL, submit: true })
    const before = await scores()
    const again = await call('reviewer', 'score', { communityId: 'comm-a', year: 2026, items: FULL.map((s) => ({ ...s, score: 0 })) })
    expect(again.status).toBe(409)
    expect(message(again)).toBe('街道初评评分已提交，不能再改；需要修改请联系县(区)创建办退回')
    expect(await scores()).toEqual(before)
    // The rubric cannot change under a submitted score either.
    const edit = await call('district', 'defineRubric', { year: 2026, items: DEFAULT_RUBRIC_ITEMS })
    expect(edit.status).toBe(409)
    expect(message(edit)).toContain('请先退回')

    // The street cannot send its own score back; the district can, with a reason kept on the score.
    expect((await call('reviewer', 'reopenScore', { communityId: 'comm-a', year: 2026, level: 'street', reason: '重新评' })).status).toBe(403)
    const sheet = await ok<ScoreSheetOutput>('district', 'scoreSheet', { communityId: 'comm-a', year: 2026 })
    expect(sheet.may.reopen).toEqual(['street'])
    const back = await ok<ScoreSheetOutput>('district', 'reopenScore', { communityId: 'comm-a', year: 2026, level: 'street', reason: '第 5 项台帐未核实' })
    expect(back.scores.street).toMatchObject({ status: 'draft', reopened: [{ byName: 'district', reason: '第 5 项台帐未核实' }] })
    const fixed = await ok<ScoreSheetOutput>('reviewer', 'score', { communityId: 'comm-a', year: 2026, items: FULL.map((s) => ({ ...s, score: s.key === 'n5' ? 10 : s.score })), submit: true })
    expect(fixed.scores.street).toMatchObject({ status: 'submitted', total: 100 })

    // The city's spot-check score: only the city sends it back.
    await ok('city', 'score', { communityId: 'comm-a', year: 2026, items: FULL, submit: true })
    const cityAgain = await call('city', 'score', { communityId: 'comm-a', year: 2026, items: FULL })
    expect(message(cityAgain)).toBe('市级抽查评分已提交，不能再改；需要修改请联系市创建办退回')
    const byDistrict = await call('district', 'reopenScore', { communityId: 'comm-a', year: 2026, level: 'city', reason: '重新抽查' })
    expect(byDistrict.status).toBe(403)
    expect(message(byDistrict)).toBe('市级抽查评分只有市创建办可以退回')
    expect((await ok<ScoreSheetOutput>('city', 'reopenScore', { communityId: 'comm-a', year: 2026, level: 'city', reason: '重新抽查' })).scores.city?.status).toBe('draft')
  })

  it('a closed year is 409 saying the district can reopen it; reopened, scoring goes on', async () => {
    const { ok, call, message, scores } = await setup()
    await ok('district', 'defineRubric', { year: 2026, items: ITEMS })
    await ok('reviewer', 'score', { communityId: 'comm-a', year: 2026, items: FULL.slice(0, 2) })
    const before = await scores()
    await ok('district', 'closeRubric', { year: 2026, closed: true })
    expect((await ok<RubricOutput>('district', 'rubric', { year: 2026 })).mayEdit).toBe(false)
    const r = await call('reviewer', 'score', { communityId: 'comm-a', year: 2026, items: FULL })
    expect(r.status).toBe(409)
    expect(message(r)).toBe('2026 年评审已关闭，不能再评分；只有测试区创建办可以重新打开')
    const edit = await call('district', 'defineRubric', { year: 2026, items: ITEMS })
    expect(edit.status).toBe(409)
    expect(message(edit)).toContain('只有测试区创建办可以重新打开')
    expect(await scores()).toEqual(before)
    expect((await ok<ScoreSheetOutput>('reviewer', 'scoreSheet', { communityId: 'comm-a', year: 2026 })).may.score).toBe(false)
    // Only the district closes or reopens its year.
    expect((await call('reviewer', 'closeRubric', { year: 2026, closed: false })).status).toBe(403)
    await ok('district', 'closeRubric', { year: 2026, closed: false })
    expect((await ok<ScoreSheetOutput>('reviewer', 'score', { communityId: 'comm-a', year: 2026, items: FULL, submit: true })).scores.street?.status).toBe('submitted')
  })

  it('a community outside the caller’s scope is 403, nothing written; a community cannot score', async () => {
    const { ok, call, message, scores } = await setup()
    await ok('district', 'defineRubric', { year: 2026, items: ITEMS })
    await ok('other-district', 'defineRubric', { year: 2026, items: ITEMS })
    // Another district's street and district officer score comm-a: refused.
    for (const who of ['other-reviewer', 'other-district']) {
      const r = await call(who, 'score', { communityId: 'comm-a', year: 2026, items: FULL })
      expect(r.status).toBe(403)
      expect(message(r)).toContain('不在你的管理范围内')
      expect((await call(who, 'scoreSheet', { communityId: 'comm-a', year: 2026 })).status).toBe(403)
    }
    // And our street scoring the other district's community.
    expect((await call('reviewer', 'score', { communityId: 'comm-c', year: 2026, items: FULL })).status).toBe(403)
    expect((await call('other-district', 'reopenScore', { communityId: 'comm-a', year: 2026, level: 'street', reason: '越权退回' })).status).toBe(403)
    // A community lead holds no scoring permission.
    expect((await call('a-lead', 'score', { communityId: 'comm-a', year: 2026, items: FULL })).status).toBe(403)
    // An unknown community is 404.
    expect((await call('reviewer', 'score', { communityId: 'comm-zz', year: 2026, items: FULL })).status).toBe(404)
    expect(await scores()).toEqual([])
  })
})
