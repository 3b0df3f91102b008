import type { ActionMap } from '../../_shared/runtime/action'
import { archive, restore } from './archive'
import { get } from './get'
import { list } from './list'
import { save } from './save'

/** The `project` function's actions: the project reserve (创业项目库). */
export const projectActions = { list, get, save, archive, restore } satisfies ActionMap
