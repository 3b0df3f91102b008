import type { ActionMap } from '../../_shared/runtime/action'
import { mine } from './mine'
import { submit } from './submit'
import { withdraw } from './withdraw'

/** The `intent` function's actions (residents). */
export const intentActions = { submit, mine, withdraw } satisfies ActionMap
