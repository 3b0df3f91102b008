import * as v from 'valibot'
import { INDUSTRIES } from '../domain/case'
import { INVESTMENT_BANDS, type Project, PROJECT_STATUSES } from '../domain/project'
import { cursorSchema, idSchema, limitSchema, type PageOf, text, editVersionSchema, versionWhenEditing } from './common'
import { PHONE_PATTERN } from './policy'

/** `project.list`: residents see active projects of their community's chain; staff `manage` their org's subtree. */
export const projectListInput = v.object({
  view: v.optional(v.picklist(['resident', 'manage'] as const, '未知的列表类型'), 'resident'),
  industry: v.optional(v.picklist(INDUSTRIES, '未知的行业')),
  investment: v.optional(v.picklist(INVESTMENT_BANDS, '未知的投资额')),
  status: v.optional(v.picklist(PROJECT_STATUSES, '未知的状态')),
  /** Resident view: the community to show projects for (the intent form's choice). */
  communityId: v.optional(idSchema),
  after: cursorSchema,
  limit: limitSchema,
})
export type ProjectListInput = v.InferInput<typeof projectListInput>

export const projectSaveInput = v.pipe(
  v.object({
    id: v.optional(idSchema),
    version: editVersionSchema,
    title: text('项目名称', 2, 40),
    industry: v.picklist(INDUSTRIES, '请选择行业'),
    investment: v.picklist(INVESTMENT_BANDS, '请选择投资额'),
    description: text('项目介绍', 10, 500),
    contactName: text('联系人', 2, 20),
    contactPhone: v.pipe(text('联系电话', 5, 20), v.regex(PHONE_PATTERN, '电话号码格式不对')),
  }),
  versionWhenEditing(),
)
export type ProjectSaveInput = v.InferInput<typeof projectSaveInput>

export const projectIdInput = v.object({ id: idSchema })

export type ProjectView = Omit<Project, 'orgPath' | 'updatedBy'> & { editable: boolean }
export type ProjectListOutput = PageOf<ProjectView>
