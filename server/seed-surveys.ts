import { periodsOf, previousPeriod } from '../cloudfunctions/_shared/domain/period'
import { emptyTally, type Level, periodLabel, type Survey } from '../cloudfunctions/_shared/domain/survey'
import { CENSUS_TEMPLATE, surveyFromTemplate, type SurveyTemplate, surveyTemplate, type TemplatedSurvey } from '../cloudfunctions/_shared/domain/survey-templates'
import type { Org } from '../cloudfunctions/_shared/domain/org'
import { shanghaiDate } from '../cloudfunctions/_shared/domain/time'
import type { Collections } from '../cloudfunctions/_shared/store/collections'
import { type Store, type TxStore, where } from '../cloudfunctions/_shared/store/port'
import type { FollowUp, Case } from '../cloudfunctions/_shared/domain/case'
import { type LeaderPairing, PAIRING_FOLLOW_UP_DAYS, pairingId } from '../cloudfunctions/_shared/domain/pairing'
import { writeCase } from '../cloudfunctions/_shared/application/case'
import { addDays } from '../cloudfunctions/_shared/application/work-queues'
import { applyAnswer } from '../cloudfunctions/survey/record'
import { DEMO_ORGS, DEMO_SURVEYS, demoId } from './seed-data'

const DAY = 86_400_000

/** First and last day (Shanghai) of a quarter id such as `2026-Q4`. */
function quarterBounds(period: string): { first: string; last: string } {
  const [y, q] = period.split('-Q').map(Number)
  const first = `${y}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`
  const next = q === 4 ? `${y + 1}-01-01` : `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`
  const last = new Date(Date.parse(`${next}T00:00:00Z`) - DAY).toISOString().slice(0, 10)
  return { first, last }
}

/** A demo survey of the quarter, made from its template by the admin at seeding time (version 2). */
function seededSurvey(
  t: SurveyTemplate,
  key: string,
  org: Org,
  period: string,
  at: string,
  window: Pick<TemplatedSurvey, 'opensOn' | 'closesOn' | 'status' | 'closedAt'>,
): Survey {
  return surveyFromTemplate(t, { _id: demoId('svy', key), org, title: `${periodLabel(period)}${t.title}`, period, ...window, at, by: 'st_admin', version: 2 })
}

const COMMENTS: [string, string][] = [
  ['q4', '希望贷款审批再快一点'],
  ['q8', '社区的创业培训很实用，希望多开几期'],
  ['q5', '门面租金偏高，希望有更多补贴'],
  ['q7', '办执照比以前方便多了'],
]

/**
 * Seeds the demo surveys inside the caller's transaction, answers through the same code path as
 * `survey.answer` (tally and counters move together). Demo respondents are fictitious, so their
 * response ids are plain demo ids rather than keyed hashes of real residents.
 */
export async function seedDemoSurveys(tx: TxStore<Collections>, now: Date): Promise<void> {
  const today = shanghaiDate(now)
  const at = now.toISOString()
  for (const d of DEMO_SURVEYS) {
    const org = DEMO_ORGS.find((o) => o._id === d.orgId)
    if (!org) throw new Error(`seed survey ${d.key} names unknown org ${d.orgId}`)
    const t = surveyTemplate(d.template)
    const current = periodsOf(now).quarter
    const period = d.quarterOffset === 0 ? current : previousPeriod(current)
    const bounds = quarterBounds(period)
    // Both run the whole quarter; the open one at least two more weeks when seeded near its end.
    const twoWeeks = shanghaiDate(new Date(now.getTime() + 14 * DAY))
    const closesOn = d.status === 'published' && twoWeeks > bounds.last ? twoWeeks : bounds.last
    const survey = seededSurvey(t, d.key, org, period, at, {
      opensOn: d.status === 'published' ? (bounds.first < today ? bounds.first : today) : bounds.first,
      closesOn,
      status: d.status,
      closedAt: d.status === 'closed' ? `${bounds.last}T15:59:59.000Z` : '',
    })
    await tx.collection('surveys').insert(survey)
    await tx.collection('surveyTallies').insert(emptyTally(survey))
    for (let i = 0; i < d.answers; i++) {
      // A plausible spread: mostly 满意 / 非常满意, financing and site rated lower.
      const levels = survey.questions.map((q, j) => {
        const base = ((i * 7 + j * 3) % 10) / 10
        const low = q.dimension === 'financing' || q.dimension === 'site' ? 0.25 : 0
        const x = base - low
        return (x > 0.55 ? 5 : x > 0.15 ? 4 : x > -0.05 ? 3 : x > -0.2 ? 2 : 1) as Level
      })
      const c = COMMENTS[(i / 9) % COMMENTS.length]
      const comments = i % 9 === 0 && c ? [{ question: c[0], text: c[1] }] : []
      const answeredOn = new Date(Date.parse(`${bounds.first}T04:00:00Z`) + (i % 60) * DAY).toISOString().slice(0, 10)
      await applyAnswer(tx, survey, `${demoId('svr', d.key)}_${i}`, levels, comments, answeredOn)
    }
  }
}

/**
 * The 市民创业状况调查 run in every demo community this quarter, with answers, so the public page
 * and the 当地平均数 show real figures: respondents per community (at least 10 everywhere, so every
 * street and district is published; the hiding of small groups is shown by the tests).
 */
export const DEMO_CENSUS: { orgId: string; answers: number }[] = [
  { orgId: 'c-jinsha', answers: 24 },
  { orgId: 'c-xinhua', answers: 18 },
  { orgId: 'c-changshou', answers: 15 },
  { orgId: 'c-wushisi', answers: 12 },
  { orgId: 'c-sutie', answers: 16 },
  { orgId: 'c-yuquan', answers: 11 },
]

export async function seedDemoCensus(tx: TxStore<Collections>, now: Date): Promise<void> {
  const today = shanghaiDate(now)
  const at = now.toISOString()
  const t = CENSUS_TEMPLATE
  const period = periodsOf(now).quarter
  const bounds = quarterBounds(period)
  for (const d of DEMO_CENSUS) {
    const org = DEMO_ORGS.find((o) => o._id === d.orgId)
    if (!org) throw new Error(`seed census names unknown org ${d.orgId}`)
    const twoWeeks = shanghaiDate(new Date(now.getTime() + 14 * DAY))
    const survey = seededSurvey(t, `census_${org._id}`, org, period, at, {
      opensOn: bounds.first < today ? bounds.first : today,
      closesOn: twoWeeks > bounds.last ? twoWeeks : bounds.last,
      status: 'published',
      closedAt: '',
    })
    await tx.collection('surveys').insert(survey)
    await tx.collection('surveyTallies').insert(emptyTally(survey))
    for (let i = 0; i < d.answers; i++) {
      // A plausible spread over each question's options (deterministic: the same demo every time).
      const levels = survey.questions.map((q, j) => {
        const k = q.options?.length ?? 5
        const pick = (i * (j + 3) + j + org._id.length) % (k + 2)
        return (5 - Math.min(pick, k - 1)) as Level
      })
      // Answered on some day of the quarter up to today.
      const day = new Date(Date.parse(`${bounds.first}T04:00:00Z`) + (i % 40) * DAY).toISOString().slice(0, 10)
      await applyAnswer(tx, survey, `svr_demo_census_${org._id.replace(/[^A-Za-z0-9]/g, '_')}_${i}`, levels, [], day < today ? day : today)
    }
  }
}

/**
 * 领导干部联系挂帮 in the demo: 炳草岗街道's 陈静 is paired with a 金沙 entrepreneur (and has been
 * to see them 10 days ago, recorded on the case as hers), 东区's 李强 with a 新华 one (paired 40
 * days ago, no visit yet: due on his workbench). Cases with a venture are picked, the first of each
 * community in id order, so the demo is the same every time.
 */
export async function seedDemoPairings(store: Store<Collections>, now: Date): Promise<number> {
  const at = now.toISOString()
  let made = 0
  const plan = [
    { community: 'c-jinsha', leaderId: 'st_bingcaogang', reason: '返乡创业，带动就业人数多，列为街道重点扶持', pairedDaysAgo: 60, visitedDaysAgo: 10 },
    { community: 'c-xinhua', leaderId: 'st_dongqu', reason: '高校毕业生创业，需要协调场地和贷款', pairedDaysAgo: 40, visitedDaysAgo: null },
  ]
  for (const p of plan) {
    const leader = await store.collection('staff').get(p.leaderId)
    const leaderOrg = leader ? await store.collection('orgs').get(leader.orgId) : null
    const page = await store.collection('cases').find({ where: where.eq<Case>('communityId', p.community), orderBy: [{ field: '_id', dir: 'asc' }], limit: 50 })
    const c = page.items.find((i) => i.ventures.length > 0 && i.status !== 'withdrawn')
    if (!leader || !leaderOrg || !c) continue
    const pairedOn = shanghaiDate(new Date(now.getTime() - p.pairedDaysAgo * DAY))
    const visitedOn = p.visitedDaysAgo === null ? '' : shanghaiDate(new Date(now.getTime() - p.visitedDaysAgo * DAY))
    const doc: LeaderPairing = {
      _id: pairingId(c._id, leader._id),
      caseId: c._id,
      communityId: c.communityId,
      orgPath: c.communityPath,
      leaderId: leader._id,
      leaderName: leader.name,
      leaderOrgId: leaderOrg._id,
      leaderOrgName: leaderOrg.name,
      active: true,
      reason: p.reason,
      pairedOn,
      pairedBy: leader._id,
      unpairedOn: '',
      unpairReason: '',
      unpairedBy: '',
      lastFollowUpOn: visitedOn,
      dueOn: addDays(visitedOn || pairedOn, PAIRING_FOLLOW_UP_DAYS),
      updatedAt: at,
    }
    await store.transaction(async (tx) => {
      await tx.collection('pairings').put(doc)
      if (!visitedOn) return
      const current = await tx.collection('cases').get(c._id)
      if (!current) return
      const followUp: FollowUp = {
        id: `fu_demo_pair_${made}`,
        kind: 'guidance',
        date: visitedOn,
        note: '上门走访，了解经营情况和扩大规模的资金需求',
        outcome: '约定下月协调银行办理创业担保贷款',
        visibleToResident: false,
        nextFollowUpDate: '',
        projectId: null,
        projectTitle: null,
        byId: leader._id,
        byName: `${leader.name}（挂帮）`,
        at,
        byLeader: true,
      }
      // Demo history: tells no one (a seed is a bulk write).
      await writeCase(tx, current, { ...current, followUps: [...current.followUps, followUp] }, at, null)
    })
    made++
  }
  return made
}
