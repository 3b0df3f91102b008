import { call } from '../core/cloud'

/**
 * Just the unread count (for the badge on 我的): the one inbox call of the tabs (main package), in a
 * module of its own so they do not carry the other notify calls (issue 24).
 */
export async function unreadCount(): Promise<number> {
  return (await call('notify', 'inbox', { limit: 1 })).unreadCount
}
