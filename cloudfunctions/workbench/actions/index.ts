import type { ActionMap } from '../../_shared/runtime/action'
import { summary } from './summary'

/** The `workbench` function's actions: the staff home's counts. */
export const workbenchActions = { summary } satisfies ActionMap
