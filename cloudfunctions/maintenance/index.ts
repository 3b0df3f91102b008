import { cloudbaseRoot } from '../_shared/runtime/cloudbase-root'
import { CLOUD_BUDGET } from '../_shared/runtime/jobs'
import { makeMain } from '../_shared/runtime/make-main'
import { sweepRateWindows } from '../_shared/runtime/rate-limit'
import { maintenanceActions } from './actions'

/**
 * Timer trigger (deploy/functions.ts): `sweepRateLimits` (hourly) removes the per-caller rate
 * counts of callers idle for a day, so `rateLimits` holds about a day's callers, not everyone ever.
 */
export const main = makeMain('maintenance', maintenanceActions, cloudbaseRoot, {
  sweepRateLimits: (store) => sweepRateWindows(store, Date.now(), CLOUD_BUDGET.ms),
})
