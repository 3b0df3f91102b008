import { testExportFiles } from '../../../_shared/testing/export-files'
import type { SearchResult } from '../../../_shared/contracts/service'
import { queryConcepts, segment } from '../../../_shared/domain/search'
import { STOPWORDS, SYNONYMS, WORDS } from '../../../_shared/domain/search-lexicon'
import { draft, makeHarness, resident, staffId, testStaff } from '../../../_shared/testing/harness'
import { eventActions } from '../../../event/actions'
import { eventDraft, unrenderedMiniCodes } from '../../../event/actions/__tests__/fixtures'
import { policyActions } from '../../../policy/actions'
import { serviceActions as service } from '..'

const STAFF = testStaff('a-staff', 'district')
const events = eventActions({ codes: unrenderedMiniCodes(), files: testExportFiles().files })
const ids = (r: SearchResult) => r.groups.flatMap((g) => g.items.map((i) => i.id))

async function setup() {
  const h = await makeHarness(STAFF)
  await h.store.collection('profiles').put({ _id: 'ra', communityId: 'comm-a', targetGroups: [], updatedAt: '2026-11-01T00:00:00.000Z' })
  return h
}

describe('segmentation', () => {
  it('cuts plain questions into the programme words and drops question words', () => {
    expect(segment('想开个小店有什么补贴')).toEqual(['想', '开个小店', '有什么', '补贴'])
    expect(queryConcepts('失业了能贷款吗').map((c) => c.word)).toEqual(['失业', '贷款'])
    expect(queryConcepts('大学生')[0].terms).toContain('高校毕业生')
    expect(queryConcepts('贷款')[0].terms).toContain('小额担保贷款')
    expect(queryConcepts('小店')[0].terms).toContain('个体工商户')
    // Characters the dictionary does not know still search, as bigrams.
    expect(queryConcepts('宠物店').map((c) => c.word)).toEqual(['宠物', '物店'])
  })

  it('every synonym longer than two characters is a dictionary word (or items could never be indexed under it)', () => {
    const dict = new Set(WORDS)
    const missing = Object.values(SYNONYMS)
      .flat()
      .filter((w) => w.length > 2 && !dict.has(w))
    expect(missing).toEqual([])
    expect([...STOPWORDS].filter((w) => dict.has(w))).toEqual([])
  })
})

describe('service.search', () => {
  it('finds a policy once published, keeps it current on edit, drops it on archive and after its end date', async () => {
    const h = await setup()
    const p = await h.ok<{ _id: string; version: number }>(policyActions, staffId('a-staff'), 'save', draft({ title: '甲社区小店开业补贴', validTo: '2026-11-30' }))
    expect(ids(await h.ok<SearchResult>(service, resident('ra'), 'search', { q: '开小店' }))).toEqual([])
    await h.ok(policyActions, staffId('a-staff'), 'publish', { id: p._id })
    const found = await h.ok<SearchResult>(service, resident('ra'), 'search', { q: '想开个小店有什么补贴' })
    expect(found.top.map((x) => x.id)).toEqual([p._id])
    expect(found.top[0].url).toBe(`/pkg-policy/pages/policy-detail/index?id=${p._id}`)
    // An edit shows at once (new words), and the old title no longer matches.
    const cur = await h.store.collection('policies').get(p._id)
    await h.ok(policyActions, staffId('a-staff'), 'save', { ...draft({ title: '甲社区早餐车补贴', validTo: '2026-11-30' }), id: p._id, version: cur?.version })
    expect(ids(await h.ok<SearchResult>(service, resident('ra'), 'search', { q: '早餐' }))).toEqual([p._id])
    // Past its end date (Shanghai day 2026-11-30 inclusive) it is not found, with no write.
    h.setNow('2026-11-30T15:59:00.000Z')
    expect(ids(await h.ok<SearchResult>(service, resident('ra'), 'search', { q: '早餐' }))).toEqual([p._id])
    h.setNow('2026-11-30T16:00:00.000Z')
    expect(ids(await h.ok<SearchResult>(service, resident('ra'), 'search', { q: '早餐' }))).toEqual([])
    h.setNow('2026-11-22T02:00:00.000Z')
    await h.ok(policyActions, staffId('a-staff'), 'archive', { id: p._id })
    expect(ids(await h.ok<SearchResult>(service, resident('ra'), 'search', { q: '早餐' }))).toEqual([])
  })

  it('finds an event while sign-up is open, not once cancelled; another community’s event is not shown', async () => {
    const h = await setup()
    const ev = await h.ok<{ _id: string }>(events, staffId('a-staff'), 'save', eventDraft())
    const r = await h.ok<SearchResult>(service, resident('ra'), 'search', { q: '开店经验分享活动' })
    expect(r.groups[0]).toMatchObject({ kind: 'event', label: '活动' })
    expect(r.top[0].id).toBe(ev._id)
    await h.store.collection('profiles').put({ _id: 'rb', communityId: 'comm-b', targetGroups: [], updatedAt: '2026-11-01T00:00:00.000Z' })
    expect(ids(await h.ok<SearchResult>(service, resident('rb'), 'search', { q: '沙龙' }))).toEqual([])
    await h.ok(events, staffId('a-staff'), 'cancel', { mode: 'event', eventId: ev._id, reason: '场地临时维修' })
    expect(ids(await h.ok<SearchResult>(service, resident('ra'), 'search', { q: '沙龙' }))).toEqual([])
  })

  it('answers empty, 200-character and emoji-only questions quickly with a hint, never an error', async () => {
    const h = await setup()
    await h.ok(policyActions, staffId('district'), 'publish', { id: (await h.ok<{ _id: string }>(policyActions, staffId('district'), 'save', draft()))._id })
    for (const q of ['', '   ', '😀🎉👍', '？？？', '吗呢吧']) {
      const t0 = Date.now()
      const r = await h.call<SearchResult>(service, resident('ra'), 'search', { q })
      expect(r.status).toBe(200)
      expect(Date.now() - t0).toBeLessThan(500)
      if (r.body.ok) expect(r.body.data.groups).toEqual([])
      if (r.body.ok && q.trim()) expect(r.body.data.hint).toContain('试试')
    }
    const long = '创业补贴'.repeat(50)
    expect(long).toHaveLength(200)
    const r = await h.call<SearchResult>(service, resident('ra'), 'search', { q: long })
    expect(r.status).toBe(200)
    if (r.body.ok) expect(r.body.data.top.length).toBe(1)
    // Operator-shaped or non-string input is a 400 on the field, not a crash.
    const bad = await h.call(service, resident('ra'), 'search', { q: { $regex: '.*' } })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('"q"')
  })
})
