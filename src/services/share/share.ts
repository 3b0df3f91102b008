import Taro from '@tarojs/taro'
import type { ShareCountsInput } from '@shared/contracts/share'
import type { ShareKind } from '@shared/domain/share'
import { appOrigin } from '../core/app-origin'
import { call } from '../core/cloud'


const REF_KEY = 'cy.shareRef'

/**
 * My referral id for share links: asked once, then kept (it never changes for a resident).
 * Null when it cannot be had (staff, or no network): the link is shared without it.
 */
export async function myShareRef(): Promise<string | null> {
  const kept: unknown = Taro.getStorageSync(REF_KEY)
  if (typeof kept === 'string' && kept) return kept
  try {
    const { ref } = await call('share', 'ref', {})
    Taro.setStorageSync(REF_KEY, ref)
    return ref
  } catch {
    return null
  }
}

/** The ref kept from an earlier ask, without waiting (WeChat's share callback is synchronous). */
export function keptShareRef(): string | null {
  const kept: unknown = Taro.getStorageSync(REF_KEY)
  return typeof kept === 'string' && kept ? kept : null
}

/** Tells the server I opened an item through a share; counted once per item however often. */
export const recordArrival = (kind: ShareKind, id: string, ref: string) => call('share', 'arrive', { kind, id, ref })

/** Staff: residents who arrived through shares, per item id. */
export const shareCounts = (input: ShareCountsInput) => call('share', 'counts', input)

/** The poster's code (a mini-program code in WeChat, a QR of the H5 link in the browser), PNG base64. */
export function posterCode(kind: ShareKind, id: string) {
  const origin = appOrigin()
  return call('share', 'code', origin ? { kind, id, origin } : { kind, id })
}
