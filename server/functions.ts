import { orgActions } from '../cloudfunctions/org/actions'
import { policyActions } from '../cloudfunctions/policy/actions'
import { profileActions } from '../cloudfunctions/profile/actions'
import type { ActionMap } from '../cloudfunctions/_shared/runtime/action'

/** Every cloud function the local runtime serves, by the name the client calls. */
export const FUNCTIONS: Record<string, ActionMap> = {
  org: orgActions,
  policy: policyActions,
  profile: profileActions,
}
