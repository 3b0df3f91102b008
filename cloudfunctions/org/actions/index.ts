import type { ActionMap } from '../../_shared/runtime/action'
import { audit } from './audit'
import { bind } from './bind'
import { invite } from './invite'
import { revoke } from './revoke'
import { saveOrg } from './save-org'
import { saveSetup } from './save-setup'
import { setup } from './setup'
import { staff } from './staff'
import { tree } from './tree'

/** The `org` function's actions. */
export const orgActions = { tree, saveOrg, invite, bind, staff, revoke, audit, setup, saveSetup } satisfies ActionMap
