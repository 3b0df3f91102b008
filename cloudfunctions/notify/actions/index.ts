import type { ActionMap } from '../../_shared/runtime/action'
import { inbox } from './inbox'
import { markRead } from './mark-read'

/** The `notify` function's actions: the resident's in-app inbox. */
export const notifyActions: ActionMap = { inbox, markRead }
