import type { ActionMap } from '../../_shared/runtime/action'
import { retention } from './retention'

/** The `maintenance` function's actions: housekeeping jobs an admin runs. */
export const maintenanceActions = { retention } satisfies ActionMap
