import type { ActionMap } from '../../_shared/runtime/action'
import type { MiniCodePort } from '../../_shared/codes/port'
import { cancel } from './cancel'
import { checkin } from './checkin'
import { makeCourseCode } from './code'
import { enrol } from './enrol'
import { enrolments } from './enrolments'
import { get } from './get'
import { list } from './list'
import { save } from './save'

/** What the `training` function needs from its composition root. */
export interface TrainingDeps {
  /** Makes session check-in codes: WeChat's in production, a QR of the H5 URL locally. */
  codes: MiniCodePort
}

/** The `training` function's actions. */
export function trainingActions(deps: TrainingDeps) {
  return { list, get, save, enrol, cancel, checkin, code: makeCourseCode(deps.codes), enrolments } satisfies ActionMap
}
