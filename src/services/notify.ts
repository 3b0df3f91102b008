import type { InboxInput, notifyContract, NotifyOutputs } from '@shared/contracts/notify'
import { call } from './cloud'

declare module './cloud-core' {
  interface FunctionContracts {
    notify: { inputs: typeof notifyContract; outputs: NotifyOutputs }
  }
}

export const listInbox = (input: InboxInput) => call('notify', 'inbox', input)
export const markRead = (ids: string[]) => call('notify', 'markRead', { ids })
export const markAllRead = () => call('notify', 'markRead', { all: true })

/** Just the unread count (for the badge on 我的). */
export async function unreadCount(): Promise<number> {
  return (await listInbox({ limit: 1 })).unreadCount
}
