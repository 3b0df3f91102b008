import * as v from 'valibot'
import { SHARE_KINDS, SHARE_REF_PATTERN } from '../domain/share'
import { idSchema } from './common'
import type { CodeImage } from './file'

const kindSchema = v.picklist(SHARE_KINDS, '未知的分享内容')
const refSchema = v.pipe(v.string('缺少分享编号'), v.regex(SHARE_REF_PATTERN, '分享编号格式不对'))

/** `share.ref`: my own referral id, put on every link I share. */
export const shareRefInput = v.object({})

/** `share.arrive`: I opened `kind`/`id` through a share carrying `ref`. */
export const shareArriveInput = v.object({ kind: kindSchema, id: idSchema, ref: refSchema })
export type ShareArriveInput = v.InferInput<typeof shareArriveInput>

/** `share.counts`: staff read how many residents arrived through shares, per item. */
export const shareCountsInput = v.object({
  kind: kindSchema,
  ids: v.pipe(v.array(idSchema, '缺少编号'), v.minLength(1, '缺少编号'), v.maxLength(50, '一次最多 50 条')),
})
export type ShareCountsInput = v.InferInput<typeof shareCountsInput>

/**
 * `share.code`: the poster's code for an item (a mini-program code in WeChat; in the local
 * runtime a QR of the H5 URL, hence `origin`), carrying my referral id.
 */
export const shareCodeInput = v.object({
  kind: kindSchema,
  id: idSchema,
  origin: v.optional(v.pipe(v.string(), v.maxLength(200, '网址过长'), v.regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, '网址格式不对'))),
})
export type ShareCodeInput = v.InferInput<typeof shareCodeInput>

export interface ShareRefOutput {
  ref: string
}

/** `counted` is false when this resident had already arrived at the item (or opened their own share). */
export interface ShareArriveOutput {
  counted: boolean
}

export interface ShareCountsOutput {
  /** Residents who arrived through shares, by item id (0 when none). */
  counts: Record<string, number>
}

export interface ShareCodeOutput extends CodeImage {
  /** The URL the code opens (H5) or the fallback QR's link, null for a mini-program code. */
  url: string | null
}
