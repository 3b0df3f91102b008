import { useEffect, useState } from 'react'
import { useShareAppMessage } from '@tarojs/taro'
import { type ShareKind, sharePayload, SHARE_REF_PATTERN } from '@shared/domain/share'
import { keptShareRef, myShareRef, recordArrival } from '../services/share/share'

/** What a page shares: the item and its title. Null while it is loading. */
export interface ShareItem {
  kind: ShareKind
  id: string
  title: string
}

/*
 * No 分享到朋友圈 (onShareTimeline). A page opened from Moments runs in 单页模式 (scene 1154), where
 * a mini-program cannot log in or call cloud functions
 * (https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/share-timeline.html);
 * every resident page loads its content through functions, so the shared page would only show
 * an error. Moments sharing stays off until a read-only landing that needs neither exists; the
 * share bar (转发给好友, poster with a code) covers sharing meanwhile. Checked by
 * scripts/__tests__/no-timeline-share.test.ts and the dist/weapp test.
 */

/**
 * Sharing for a resident page, in one call:
 * - WeChat's 转发 (chat) carries the item and my referral id (the page's index.config.ts must set
 *   `enableShareAppMessage`);
 * - opened through someone's share (`?ref=`), the arrival is recorded once for this item.
 * Returns my referral id once known, for the share bar's link and poster.
 */
export function useShare(item: ShareItem | null, arrivedRef: string | undefined): string | null {
  const [ref, setRef] = useState<string | null>(keptShareRef)
  useEffect(() => {
    if (!ref) void myShareRef().then(setRef)
  }, [])
  useEffect(() => {
    if (!item || !arrivedRef || !SHARE_REF_PATTERN.test(arrivedRef)) return
    // Best effort: a missed arrival must never get in the way of reading the page.
    recordArrival(item.kind, item.id, arrivedRef).catch(() => undefined)
  }, [item?.kind, item?.id, arrivedRef])

  useShareAppMessage(() => {
    if (!item) return {}
    const card = sharePayload(item.kind, item, ref)
    return { title: card.title, path: card.path }
  })
  return ref
}
