import * as v from 'valibot'
import type { OrgLevel } from '../domain/org'

export interface OrgNode {
  _id: string
  name: string
  level: OrgLevel
  parentId: string | null
  /** Names from the city down, e.g. 市 / 区 / 街道 / 社区, for pickers. */
  fullName: string
}

export const orgContract = {
  tree: v.object({}),
} as const

export interface OrgOutputs {
  tree: { orgs: OrgNode[] }
}
