import type { ActionMap } from '../../_shared/runtime/action'
import type { NotifyDeps } from '../deps'
import { inbox } from './inbox'
import { markRead } from './mark-read'
import { makeConsentNotices, makeNotices, makeSetNotice } from './notices'
import { makePreferences } from './preferences'
import { makePush } from './push'
import { makePushStatus } from './push-status'
import { makeSubscribe } from './subscribe'

/** The inbox half, which needs nothing from the composition root (other features' tests read the inbox through it). */
export const inboxActions = { inbox, markRead } satisfies ActionMap

/** The `notify` function's actions: the in-app inbox, subscriptions to policy reminders, and pushes. */
export function notifyActions(deps: NotifyDeps) {
  return {
    ...inboxActions,
    subscribe: makeSubscribe(deps),
    preferences: makePreferences(deps),
    push: makePush(deps),
    pushStatus: makePushStatus(deps),
    notices: makeNotices(deps),
    setNotice: makeSetNotice(deps),
    consentNotices: makeConsentNotices(deps),
  } satisfies ActionMap
}
