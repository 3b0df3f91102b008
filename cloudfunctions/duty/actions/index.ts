import type { ActionMap } from '../../_shared/runtime/action'
import { board } from './board'
import { remind } from './remind'
import { report } from './report'
import { save } from './save'
import { adjust, scores } from './scores'

/** The `duty` function's actions: the plan's tasks, progress, 督查 and 目标责任考核 (issue 21, item 3). */
export const dutyActions = { board, save, report, remind, scores, adjust } satisfies ActionMap
