import * as v from 'valibot'
import type { StaffRole } from '../domain/roles'
import { TARGET_GROUPS, type TargetGroup } from '../domain/target-groups'
import { idSchema } from './common'

export const profileSaveInput = v.object({
  communityId: v.nullable(idSchema),
  targetGroups: v.pipe(
    v.array(v.picklist(TARGET_GROUPS, '未知的人群'), '请选择人群'),
    v.maxLength(TARGET_GROUPS.length, '人群选择过多'),
  ),
})
export type ProfileSaveInput = v.InferInput<typeof profileSaveInput>

/** The caller's profile and, for staff, their role and org. */
export interface Me {
  kind: 'resident' | 'staff'
  communityId: string | null
  communityName: string | null
  targetGroups: TargetGroup[]
  staff: { name: string; role: StaffRole; orgId: string; orgName: string } | null
}

export const profileContract = {
  get: v.object({}),
  save: profileSaveInput,
} as const

export interface ProfileOutputs {
  get: Me
  save: Me
}
