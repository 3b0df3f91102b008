import type { ActionMap } from '../../_shared/runtime/action'
import { get } from './get'
import { list } from './list'
import { archive } from './archive'
import { publish } from './publish'
import { save } from './save'

/** The `policy` function's actions. */
export const policyActions = { list, get, save, publish, archive } satisfies ActionMap
