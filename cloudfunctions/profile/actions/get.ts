import * as v from 'valibot'
import { type Me } from '../../_shared/contracts/profile'
import { defineAction } from '../../_shared/runtime/action'
import { describeMe } from '../me'

/** The caller's own profile, and their staff role and org when they have one. */
export const get = defineAction({
  input: v.object({}),
  access: 'any',
  run: (_input, ctx): Promise<Me> => describeMe(ctx),
})
