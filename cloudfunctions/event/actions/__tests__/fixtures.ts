import { testExportFiles } from '../../../_shared/testing/export-files'
import type { EventDraftInput } from '../../../_shared/contracts/event'
import { makeHarness } from '../../../_shared/testing/harness'
import { localMiniCodes } from '../../../_shared/codes/local'
import { MiniCodeInputError, type MiniCodePort } from '../../../_shared/codes/port'
import { eventActions } from '..'

/** The test clock's "now" (harness default): 2026-11-22 10:00 Shanghai. */
export const NOW = '2026-11-22T02:00:00.000Z'

/** A valid event: sign-up open now, the event tomorrow morning (Shanghai). */
export function eventDraft(over: Partial<EventDraftInput> = {}): EventDraftInput {
  return {
    title: '返乡青年创业沙龙',
    description: '邀请本地创业者分享开店经验，现场解读创业担保贷款和一次性创业补贴。',
    place: '甲社区党群服务中心 二楼会议室',
    startAt: '2026-11-23T09:00:00+08:00',
    endAt: '2026-11-23T11:30:00+08:00',
    capacity: 50,
    signupFrom: '2026-11-20T09:00:00+08:00',
    signupUntil: '2026-11-23T11:00:00+08:00',
    walkIn: true,
    surveyId: null,
    policyIds: [],
    ...over,
  }
}

export const STAFF = [
  { id: 'staff-a', role: 'community_staff' as const, orgId: 'comm-a' },
  { id: 'staff-b', role: 'community_staff' as const, orgId: 'comm-b' },
  { id: 'reviewer', role: 'street_reviewer' as const, orgId: 'street' },
  { id: 'district', role: 'district_officer' as const, orgId: 'dist' },
]

/** A valid 1×1 transparent PNG. */
const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64')

/**
 * Codes for tests that need the scene and the URL, not a scannable picture: the local
 * runtime's codes (same request check, same URL) without rendering a QR image, which cost
 * seconds per call. Tests of the picture itself pass `{ renderCodes: true }` and decode it.
 */
export function unrenderedMiniCodes(): MiniCodePort {
  return {
    async make({ scene, page, origin }) {
      if (!origin) throw new MiniCodeInputError('origin', '缺少应用网址，无法生成二维码')
      return { png: TINY_PNG, fileID: null, url: `${origin}/#/${page}?scene=${encodeURIComponent(scene)}`, fallback: null }
    },
  }
}

export async function eventHarness(options: { renderCodes?: boolean } = {}) {
  const h = await makeHarness(STAFF)
  const exports = testExportFiles()
  return { ...h, exports, actions: eventActions({ codes: options.renderCodes ? localMiniCodes() : unrenderedMiniCodes(), files: exports.files }) }
}

let n = 0
/** A fresh request id, as the client makes one per tap. */
export const rid = () => `req-${Date.now().toString(36)}-${(n++).toString(36)}-abcdef`
