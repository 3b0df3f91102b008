import type { SurveyListItem, SurveyView } from '../_shared/contracts/survey'
import { isWithin, type Org } from '../_shared/domain/org'
import { can, type Permission } from '../_shared/domain/roles'
import { type Survey, surveyState } from '../_shared/domain/survey'
import { type Ctx, staffWrite } from '../_shared/runtime/action'
import type { Caller } from '../_shared/runtime/caller'
import { communityOn } from '../_shared/domain/profile'
import { shanghaiDate } from '../_shared/domain/time'
import { signupIdOf } from '../_shared/runtime/ids'
import { loadInScope } from '../_shared/runtime/scope'

/** Staff whose org is the survey's org or above it. */
export function inScope(caller: Caller, survey: Pick<Survey, 'orgPath'>): boolean {
  return caller.kind === 'staff' && isWithin(survey.orgPath, caller.staff.orgId)
}

/** Staff in scope whose role may create, edit, publish and close surveys. */
export function mayWrite(caller: Caller, survey: Pick<Survey, 'orgPath'>): boolean {
  return caller.kind === 'staff' && can(caller.staff.role, 'survey.write') && inScope(caller, survey)
}

export function toView(survey: Survey, caller: Caller, today: string): SurveyView {
  const { orgPath: _path, updatedBy: _by, ...rest } = survey
  return { ...rest, state: surveyState(survey, today), editable: survey.status === 'draft' && mayWrite(caller, survey) }
}

/** What a survey is called, whose it is and when it runs: the head of its list row and of its results. */
export function surveyHeading(survey: Survey) {
  const { _id, title, kind, orgName, period, opensOn, closesOn } = survey
  return { _id, title, kind, orgName, period, opensOn, closesOn }
}

export function toListItem(survey: Survey, today: string, n: number | null): SurveyListItem {
  return {
    ...surveyHeading(survey),
    status: survey.status,
    state: surveyState(survey, today),
    questionCount: survey.questions.length,
    updatedAt: survey.updatedAt,
    n,
  }
}

export const PERMISSION_MESSAGES = {
  'survey.read': '你的角色不能查看问卷结果',
  'survey.write': '你的角色不能修改问卷',
  'survey.export': '你的角色不能导出问卷数据',
} as const satisfies Partial<Record<Permission, string>>

/** Changing a survey's state or content: staff holding `survey.write`, audited on the survey. */
export const SURVEY_WRITE = staffWrite('survey.write', PERMISSION_MESSAGES['survey.write'])

/**
 * Loads a survey in the staff caller's scope: outside the caller's org subtree 404, so other
 * communities' ids leak nothing. The permission is declared on the action; `permission` only
 * for the staff branch of an action open to residents too (`results`).
 */
export function loadSurveyInScope(ctx: Ctx, id: string, permission?: keyof typeof PERMISSION_MESSAGES): Promise<Survey> {
  return loadInScope(ctx, 'surveys', id, { missing: '问卷不存在或已删除', permission, refusal: permission && PERMISSION_MESSAGES[permission] })
}

/**
 * The resident's community from their profile, or null when they have not chosen one. With
 * `onDate` (a survey's opening day), the community they held then: eligibility does not follow
 * a later move.
 */
export async function residentCommunity(ctx: Ctx, onDate?: string): Promise<Org | null> {
  if (ctx.caller.kind !== 'resident') return null
  const profile = await ctx.store.collection('profiles').get(ctx.caller.id)
  if (!profile?.communityId) return null
  const id = onDate ? communityOn(profile, onDate, (iso) => shanghaiDate(new Date(iso))) : profile.communityId
  return id ? ctx.store.collection('orgs').get(id) : null
}

/**
 * For a resident's list of open surveys: whether each may be answered under the rule `answer`
 * applies (the community held on the survey's opening day), reading the profile once and each
 * community once. A survey they could only open to be told 不在范围 is not offered.
 */
export async function answerableByResident(ctx: Ctx): Promise<(survey: Pick<Survey, 'kind' | 'orgId' | 'opensOn'>) => Promise<boolean>> {
  const profile = ctx.caller.kind === 'resident' ? await ctx.store.collection('profiles').get(ctx.caller.id) : null
  const orgs = new Map<string, Promise<Org | null>>()
  return async (survey) => {
    if (!profile?.communityId) return false
    const id = communityOn(profile, survey.opensOn, (iso) => shanghaiDate(new Date(iso)))
    if (!id) return false
    if (!orgs.has(id)) orgs.set(id, ctx.store.collection('orgs').get(id))
    return residentMayAnswer(survey, (await orgs.get(id)) ?? null)
  }
}

/**
 * Whether the resident may answer an event survey: one tied to an event is for that event's
 * sign-ups (not cancelled); one tied to none (handed out on site) is open to anyone.
 */
export async function signedUpForEvent(ctx: Ctx, survey: Pick<Survey, 'kind' | 'eventId'>): Promise<boolean> {
  if (survey.kind !== 'event' || ctx.caller.kind !== 'resident') return false
  if (!survey.eventId) return true
  const signup = await ctx.store.collection('eventSignups').get(signupIdOf(ctx.keyring, survey.eventId, ctx.caller.id))
  return signup !== null && signup.status !== 'cancelled'
}

/**
 * The browser build's once-per-device slot for a survey: a keyed hash of (survey, device), so it
 * names neither. Null on WeChat, where the OPENID is stable and the response id suffices.
 */
export function deviceSlotId(ctx: Ctx, surveyId: string): string | null {
  return ctx.caller.kind === 'resident' && ctx.caller.deviceId ? ctx.keyring.keyedHash('survey-device', surveyId, ctx.caller.deviceId) : null
}

/** The id of a resident's response: a keyed hash, so the stored document names nobody. */
export function responseId(ctx: Ctx, surveyId: string): string {
  return ctx.keyring.keyedHash('survey-response', surveyId, ctx.caller.id)
}

/** Environment and service surveys belong to residents of the scope; event surveys to anyone there. */
export function residentMayAnswer(survey: Pick<Survey, 'kind' | 'orgId'>, community: Org | null): boolean {
  return survey.kind === 'event' || (community !== null && community.path.includes(survey.orgId))
}
