import type { ActionMap } from '../../_shared/runtime/action'
import type { MiniCodePort } from '../../_shared/codes/port'
import type { ExportFiles } from '../../_shared/files/export-files'
import { attendees } from './attendees'
import { cancel } from './cancel'
import { checkin } from './checkin'
import { makeCode } from './code'
import { makeExportAttendees } from './export'
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
  /** Where the attendee export is written: cloud storage on CloudBase, the runtime's downloads locally. */
  files: () => ExportFiles
}

/** The `event` function's actions. */
export function eventActions(deps: EventDeps) {
  return { save, list, get, resolve, signup, cancel, checkin, attendees, mine, code: makeCode(deps.codes), export: makeExportAttendees(deps.files) } satisfies ActionMap
}
