import type { ActionMap } from '../../_shared/runtime/action'
import type { ShareCodePort } from '../codes'
import { arrive } from './arrive'
import { makeShareCode } from './code'
import { counts } from './counts'
import { ref } from './ref'

/** The `share` function's actions: referral ids, arrivals through shares, counts for staff, poster codes. */
export function shareActions(deps: { codes: ShareCodePort }) {
  return { ref, arrive, counts, code: makeShareCode(deps.codes) } satisfies ActionMap
}
