import type { ActionMap } from '../../_shared/runtime/action'
import { answer } from './answer'
import { census } from './census'
import { close } from './close'
import { exportSurvey } from './export'
import { get } from './get'
import { list } from './list'
import { open } from './open'
import { publish } from './publish'
import { results } from './results'
import { save } from './save'

/** The `survey` function's actions. */
export const surveyActions = { open, list, get, answer, results, save, publish, close, export: exportSurvey, census } satisfies ActionMap
