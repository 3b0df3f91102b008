import type { ActionMap } from '../../_shared/runtime/action'
import { get } from './get'
import { save } from './save'

/** The `profile` function's actions. */
export const profileActions: ActionMap = { get, save }
