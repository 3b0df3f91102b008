import type { OrgResource } from './org'
import type { Industry } from './case'

/**
 * The project reserve (创业项目库, seed 000 §二(四) "创业项目储备较充分，并能对有创业意向人员开展有效推荐";
 * seed 001 §二(二)5 "建立创业项目资源库"): projects staff recommend to residents.
 */

/** Start-up investment bands, in 万元. */
export const INVESTMENT_BANDS = ['lt1', '1to5', '5to10', '10to30', 'gt30'] as const
export type InvestmentBand = (typeof INVESTMENT_BANDS)[number]
export const INVESTMENT_BAND_LABELS: Record<InvestmentBand, string> = {
  lt1: '1 万元以下',
  '1to5': '1–5 万元',
  '5to10': '5–10 万元',
  '10to30': '10–30 万元',
  gt30: '30 万元以上',
}

export const PROJECT_STATUSES = ['active', 'archived'] as const
export type ProjectStatus = (typeof PROJECT_STATUSES)[number]
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = { active: '推荐中', archived: '已下架' }

/** A recommended project kept by an org; residents of that org and below see it while active. */
export interface Project extends OrgResource {
  title: string
  industry: Industry
  investment: InvestmentBand
  description: string
  contactName: string
  contactPhone: string
  status: ProjectStatus
}
