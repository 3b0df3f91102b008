import type { ActionMap } from '../../_shared/runtime/action'
import { tree } from './tree'

/** The `org` function's actions. */
export const orgActions: ActionMap = { tree }
