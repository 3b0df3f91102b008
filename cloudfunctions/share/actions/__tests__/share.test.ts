import { testExportFiles } from '../../../_shared/testing/export-files'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import type { EventView } from '../../../_shared/contracts/event'
import type { PolicyView } from '../../../_shared/contracts/policy'
import type { ShareArriveOutput, ShareCodeOutput, ShareCountsOutput, ShareRefOutput } from '../../../_shared/contracts/share'
import { counterId } from '../../../_shared/domain/counter'
import { periodsOf } from '../../../_shared/domain/period'
import { SHARE_ARRIVALS_METRIC, sharePayload } from '../../../_shared/domain/share'
import { draft, makeHarness, resident, staffId } from '../../../_shared/testing/harness'
import { eventActions } from '../../../event/actions'
import { localMiniCodes } from '../../../_shared/codes/local'
import { eventDraft } from '../../../event/actions/__tests__/fixtures'
import { policyActions } from '../../../policy/actions'
import { localShareCodes } from '../../codes'
import { shareActions } from '..'

const STAFF = [
  { id: 'staff-a', role: 'community_staff' as const, orgId: 'comm-a' },
  { id: 'staff-b', role: 'community_staff' as const, orgId: 'comm-b' },
  { id: 'district', role: 'district_officer' as const, orgId: 'dist' },
]

async function setup() {
  const h = await makeHarness(STAFF)
  const share = shareActions({ codes: localShareCodes() })
  const events = eventActions({ codes: localMiniCodes(), files: testExportFiles().files })
  const policy = async (title: string) => {
    const saved = await h.ok<PolicyView>(policyActions, staffId('staff-a'), 'save', draft({ title }))
    return h.ok<PolicyView>(policyActions, staffId('staff-a'), 'publish', { id: saved._id })
  }
  const event = () => h.ok<EventView>(events, staffId('staff-a'), 'save', eventDraft())
  const refOf = async (who: string) => (await h.ok<ShareRefOutput>(share, resident(who), 'ref', {})).ref
  const arrive = (who: string, kind: 'policy' | 'event', id: string, ref: string) =>
    h.ok<ShareArriveOutput>(share, resident(who), 'arrive', { kind, id, ref })
  const counts = (who: string, kind: 'policy' | 'event', ids: string[]) =>
    h.ok<ShareCountsOutput>(share, staffId(who), 'counts', { kind, ids })
  const monthMetric = async (orgId: string) =>
    (await h.store.collection('counters').get(counterId(orgId, periodsOf(new Date('2026-11-22T02:00:00.000Z')).month)))?.[SHARE_ARRIVALS_METRIC] ?? 0
  return { h, share, policy, event, refOf, arrive, counts, monthMetric }
}

describe('share', () => {
  it('builds a chat card whose title names the item and whose path opens it with the sharer\'s ref', () => {
    const card = sharePayload('policy', { id: 'pol_1', title: '返乡创业一次性补贴' }, 'sAAAAAAAAAAAAAAAA')
    expect(card.title).toBe('【创业扶持政策】返乡创业一次性补贴')
    expect(card.path).toBe('/pkg-policy/pages/policy-detail/index?id=pol_1&ref=sAAAAAAAAAAAAAAAA')
    expect(card.query).toBe('id=pol_1&ref=sAAAAAAAAAAAAAAAA')
    const event = sharePayload('event', { id: 'ev_x', title: '一个名字特别特别长、在群聊卡片里两行都放不下的创业沙龙活动' }, null)
    expect(event.path).toBe('/pkg-event/pages/event/index?id=ev_x')
    expect(event.title.length).toBeLessThanOrEqual(28)
    expect(event.title.endsWith('…')).toBe(true)
  })

  it('counts a resident arriving through a share once, on the right item, and moves the org\'s counter once', async () => {
    const { policy, event, refOf, arrive, counts, monthMetric } = await setup()
    const p1 = await policy('返乡创业补贴')
    const p2 = await policy('创业担保贷款')
    const ev = await event()
    const alice = await refOf('alice')
    expect(await refOf('alice')).toBe(alice)
    expect(alice).not.toContain('alice')
    const carol = await refOf('carol')

    expect(await arrive('bob', 'policy', p1._id, alice)).toEqual({ counted: true })
    // The same resident again, through the same or another sharer's link: not counted again.
    expect(await arrive('bob', 'policy', p1._id, alice)).toEqual({ counted: false })
    expect(await arrive('bob', 'policy', p1._id, carol)).toEqual({ counted: false })
    // The sharer opening their own link does not count.
    expect(await arrive('alice', 'policy', p1._id, alice)).toEqual({ counted: false })
    expect(await arrive('dave', 'policy', p1._id, alice)).toEqual({ counted: true })
    expect(await arrive('bob', 'event', ev._id, alice)).toEqual({ counted: true })

    expect((await counts('staff-a', 'policy', [p1._id, p2._id])).counts).toEqual({ [p1._id]: 2, [p2._id]: 0 })
    expect((await counts('district', 'event', [ev._id])).counts).toEqual({ [ev._id]: 1 })
    // Another community's staff do not see this community's items.
    expect((await counts('staff-b', 'policy', [p1._id])).counts).toEqual({})
    expect(await monthMetric('comm-a')).toBe(3)
  })

  it('refuses unknown items, malformed refs and residents reading counts; staff arrivals count nothing', async () => {
    const { h, share, policy, refOf } = await setup()
    const p = await policy('返乡创业补贴')
    const ref = await refOf('alice')
    const missing = await h.call(share, resident('bob'), 'arrive', { kind: 'policy', id: 'pol_missing', ref })
    expect(missing.status).toBe(404)
    const bad = await h.call(share, resident('bob'), 'arrive', { kind: 'policy', id: p._id, ref: 'not-a-ref' })
    expect(bad.status).toBe(400)
    expect(bad.body.ok ? [] : bad.body.error.fields?.map((f) => f.path)).toEqual(['ref'])
    expect((await h.call(share, resident('bob'), 'counts', { kind: 'policy', ids: [p._id] })).status).toBe(403)
    expect(await h.ok<ShareArriveOutput>(share, staffId('staff-a'), 'arrive', { kind: 'policy', id: p._id, ref })).toEqual({ counted: false })
    expect(await h.store.collection('shareArrivals').count()).toBe(0)
  })

  it('makes a poster code that opens the item with the sharer\'s ref', async () => {
    const { h, share, policy, refOf } = await setup()
    const p = await policy('返乡创业补贴')
    const out = await h.ok<ShareCodeOutput>(share, resident('alice'), 'code', { kind: 'policy', id: p._id, origin: 'http://127.0.0.1:8080' })
    const png = PNG.sync.read(Buffer.from(out.image ?? '', 'base64'))
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
    // The policy also before the hash, where the runtime sees it and draws the policy into the HTML.
    expect(decoded?.data).toBe(`http://127.0.0.1:8080/?p=${p._id}#/pkg-policy/pages/policy-detail/index?id=${p._id}&ref=${await refOf('alice')}`)
    expect(out.url).toBe(decoded?.data)
    const noOrigin = await h.call(share, resident('alice'), 'code', { kind: 'policy', id: p._id })
    expect(noOrigin.status).toBe(400)
  })
})
