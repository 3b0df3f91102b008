import type { ActionMap } from '../../_shared/runtime/action'
import { deleteMine } from './delete-mine'
import { exportMine } from './export-mine'
import { get } from './get'
import { save } from './save'

/** The `profile` function's actions. */
export const profileActions = { get, save, exportMine, deleteMine } satisfies ActionMap
