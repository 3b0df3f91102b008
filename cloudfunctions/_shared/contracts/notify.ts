import * as v from 'valibot'
import type { InboxMessage } from '../domain/inbox'
import { cursorSchema, idSchema, limitSchema, type PageOf } from './common'

/** `notify.inbox`: my messages, newest first. */
export const inboxInput = v.object({
  after: cursorSchema,
  limit: limitSchema,
})
export type InboxInput = v.InferInput<typeof inboxInput>

/** `notify.markRead`: some messages, or all of mine. */
export const markReadInput = v.pipe(
  v.object({
    ids: v.optional(v.pipe(v.array(idSchema, '消息编号格式不对'), v.maxLength(50, '一次最多 50 条'))),
    all: v.optional(v.boolean()),
  }),
  v.forward(
    v.check((i) => i.all === true || (i.ids !== undefined && i.ids.length > 0), '请选择要标记的消息'),
    ['ids'],
  ),
)
export type MarkReadInput = v.InferInput<typeof markReadInput>

export type InboxItem = Omit<InboxMessage, 'residentId'>

export type InboxOutput = PageOf<InboxItem> & { unreadCount: number }

export interface MarkReadOutput {
  marked: number
  unreadCount: number
}

export const notifyContract = {
  inbox: inboxInput,
  markRead: markReadInput,
} as const

export interface NotifyOutputs {
  inbox: InboxOutput
  markRead: MarkReadOutput
}
