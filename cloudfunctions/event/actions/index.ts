import type { ActionMap } from '../../_shared/runtime/action'
import type { MiniCodePort } from '../../_shared/codes/port'
import { attendees } from './attendees'
import { cancel } from './cancel'
import { checkin } from './checkin'
import { makeCode } from './code'
import { exportAttendees } from './export'
import { get } from './get'
import { list } from './list'
import { mine } from './mine'
import { resolve } from './resolve'
import { save } from './save'
import { signup } from './signup'

/** What the `event` function needs from its composition root. */
export interface EventDeps {
  /** Makes the poster and check-in codes: WeChat's in production, a QR of the H5 URL locally. */
  codes: MiniCodePort
}

/** The `event` function's actions. */
export function eventActions(deps: EventDeps) {
  return { save, list, get, resolve, signup, cancel, checkin, attendees, mine, code: makeCode(deps.codes), export: exportAttendees } satisfies ActionMap
}
