import type { Counter } from '../cloudfunctions/_shared/domain/counter'
import { counterId } from '../cloudfunctions/_shared/domain/counter'
import {
  AGE_BANDS,
  type Benefit,
  CONSENT_VERSION,
  type FollowUp,
  INDUSTRIES,
  type Case,
  type CaseStage,
  maskIdCard,
  maskPhone,
  NEEDS,
  type Venture,
} from '../cloudfunctions/_shared/domain/case'
import type { Org } from '../cloudfunctions/_shared/domain/org'
import { periodsOf } from '../cloudfunctions/_shared/domain/period'
import { type Benefit as MoneyBenefit, KIND_OF_CATEGORY, type Loan, type LoanStepRecord, firstEnjoyedOn, loanDueDate } from '../cloudfunctions/_shared/domain/money'
import { TARGET_GROUPS, type TargetGroup } from '../cloudfunctions/_shared/domain/target-groups'
import { DEMO_POLICIES, demoId } from './seed-data'
import { shanghaiDate } from '../cloudfunctions/_shared/domain/time'
import { applyCountedChange, dayInstant } from '../cloudfunctions/_shared/runtime/counters'
import type { Keyring } from '../cloudfunctions/_shared/runtime/keyring'
import type { Collections } from '../cloudfunctions/_shared/store/collections'
import type { Store } from '../cloudfunctions/_shared/store/port'
import { countedIntent, idCardSlotId, phoneHashOf, phoneSlotId, residentSlotId } from '../cloudfunctions/_shared/application/case'

/**
 * Demo cases for the ledger and the dashboards: about two years of registrations, guidance,
 * ventures and benefits in every demo community (金沙's include two registered by its guide for
 * walk-in residents), plus each community's baseline but 金沙's (the browser tests enter it). Deterministic, so screenshots are comparable.
 */
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭']
const GIVEN = ['建国', '秀英', '志强', '丽华', '海燕', '明', '静', '磊', '芳', '勇', '娟', '伟', '婷', '军', '红梅', '小龙']
const SHOPS = ['早餐店', '便利店', '理发店', '农家乐', '水果摊', '家政服务部', '电商直播间', '汽修店', '小吃店', '花店']
/** Published demo policies a benefit may come from (the loan ones go through the loan pipeline). */
const BENEFIT_POLICIES = DEMO_POLICIES.filter((p) => p.status === 'published' && p.category !== 'guaranteed_loan' && p.category !== 'incubation' && ['city', 'd-east'].includes(p.orgId))
const LOAN_POLICY = DEMO_POLICIES.find((p) => p.key === 'guaranteed-loan')
const policyIdOf = (key: string) => demoId('pol', key)
const BODIES = ['市人力资源和社会保障局', '东区就业服务中心', '东区税务局', '市市场监督管理局']

function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
function idCard(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]
  return first17 + '10X98765432'[sum % 11]
}

function addDays(date: string, days: number): string {
  return shanghaiDate(new Date(dayInstant(date).getTime() + days * 86_400_000))
}

export async function seedDemoCases(store: Store<Collections>, keyring: Keyring, now: Date, communities: readonly Org[]): Promise<number> {
  const today = shanghaiDate(now)
  const mainRand = rng(2026)
  let rand = mainRand
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]
  let n = 0
  // 金沙 comes last with its own sequence, so the other communities' demo data stay as they were.
  const ordered = [...communities.filter((c) => c._id !== 'c-jinsha'), ...communities.filter((c) => c._id === 'c-jinsha')]
  for (const c of ordered) {
    if (c.level !== 'community') continue
    const jinsha = c._id === 'c-jinsha'
    if (jinsha) rand = rng(2027)
    const count = jinsha ? 12 : 14 + Math.floor(rand() * 10)
    for (let k = 0; k < count; k++) {
      // Two of 金沙's cases were registered by the guide for walk-in residents (代登记), not yet claimed.
      const onBehalf = jinsha && k < 2
      n++
      const created = addDays(today, -Math.floor(20 + rand() * 680))
      const createdAt = new Date(`${created}T10:00:00+08:00`).toISOString()
      const name = pick(SURNAMES) + pick(GIVEN)
      const phone = `139${String(10_000_000 + n * 7919).slice(-8)}`
      const id = idCard(`510402${1965 + Math.floor(rand() * 40)}${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}${String(10 + Math.floor(rand() * 18))}${String(n).padStart(3, '0')}`)
      const needs = rand() < 0.85 ? [...new Set([pick(NEEDS), pick(NEEDS)])] : []
      const residentId = onBehalf ? '' : `demo-resident-${n}`
      const staffName = `${c.name}指导员`
      const history: Case['stageHistory'] = [
        onBehalf ? { stage: 'registered', at: createdAt, byId: 'demo', byName: `${staffName}（代登记）`, note: '' } : { stage: 'registered', at: createdAt, byId: residentId, byName: '居民本人', note: '' },
      ]
      const followUps: FollowUp[] = []
      const ventures: Venture[] = []
      const benefits: Benefit[] = []
      const loans: Loan[] = []
      let trainedAt = ''
      const group: TargetGroup = TARGET_GROUPS[n % TARGET_GROUPS.length]
      let stage: CaseStage = 'registered'
      let guidedAt = ''
      let startedAt = ''
      const age = Math.floor((dayInstant(today).getTime() - dayInstant(created).getTime()) / 86_400_000)
      if (rand() < 0.88) {
        const d = addDays(created, 2 + Math.floor(rand() * 12))
        if (d < today) {
          guidedAt = dayInstant(d).toISOString()
          stage = 'guided'
          history.push({ stage: 'guided', at: guidedAt, byId: 'demo', byName: staffName, note: '一对一创业指导' })
          followUps.push({ id: `fu_demo_${n}`, kind: 'guidance', date: d, note: '上门了解情况，讲解创业担保贷款和一次性创业补贴', outcome: '已讲清申请条件', visibleToResident: true, nextFollowUpDate: '', projectId: null, projectTitle: null, byId: 'demo', byName: staffName, at: guidedAt })
        }
      }
      if (age > 60 && rand() < 0.55) {
        const reg = addDays(created, 30 + Math.floor(rand() * Math.min(200, age - 30)))
        if (reg < today) {
          const closed = rand() < 0.15 && addDays(reg, 200) < today
          ventures.push({
            id: `ven_demo_${n}`,
            name: `${name.slice(0, 1)}记${pick(SHOPS)}`,
            kind: rand() < 0.25 ? 'enterprise' : 'individual',
            registrationDate: reg,
            jobsCreated: Math.floor(rand() * 5),
            status: closed ? 'closed' : 'operating',
            closureDate: closed ? addDays(reg, 200) : '',
            updatedAt: createdAt,
            byName: staffName,
          })
          startedAt = dayInstant(reg).toISOString()
          stage = 'started'
          history.push({ stage: 'started', at: startedAt, byId: 'demo', byName: staffName, note: '办好营业执照' })
          if (rand() < 0.85) {
            // A benefit from a policy the resident's group fits (an override now and then).
            const fits = BENEFIT_POLICIES.filter((p) => p.targetGroups.includes(group))
            const policy = fits.length && rand() < 0.9 ? pick(fits) : pick(BENEFIT_POLICIES)
            const eligible = policy.targetGroups.includes(group)
            const date = addDays(reg, 10 + Math.floor(rand() * 40))
            if (date < today) {
              const kind = KIND_OF_CATEGORY[policy.category]
              const yuan = kind === 'tax_relief' ? 2000 + Math.floor(rand() * 8) * 1000 : kind === 'fee_waiver' ? 300 + Math.floor(rand() * 5) * 100 : 1000 + Math.floor(rand() * 5) * 1000
              const amountFen = Math.min(yuan * 100, policy.capFen ?? Infinity)
              benefits.push(demoBenefit(`ben_demo_${n}`, policyIdOf(policy.key), policy.title, kind, amountFen, date, pick(BODIES), `东人社发〔${date.slice(0, 4)}〕${n}号`, staffName, eligible))
            }
          }
          if (LOAN_POLICY && rand() < 0.4) {
            // A 小额担保贷款 through the pipeline, some to 贴息, a few repaid, overdue or compensated.
            const loan = demoLoan(n, reg, today, rand, staffName, LOAN_POLICY.title, policyIdOf(LOAN_POLICY.key), LOAN_POLICY.capFen ?? null, LOAN_POLICY.targetGroups.includes(group))
            loans.push(loan)
            for (const st of loan.steps) {
              if (st.step !== 'disbursed' && st.step !== 'interest') continue
              const kind = st.step === 'disbursed' ? 'guaranteed_loan' : 'interest_subsidy'
              benefits.push({ ...demoBenefit(`ben_demo_${n}_${benefits.length}`, loan.policyId, loan.policyTitle, kind, st.amountFen, st.date, st.actor, st.documentNo, staffName, loan.eligible), loanId: loan.id, note: st.step === 'interest' ? `第 ${st.period} 期贴息` : '贷款放款' })
            }
            // 四位一体: training, a project from the reserve and a mentor for most loans.
            if (rand() < 0.7) trainedAt = dayInstant(addDays(reg, -20)).toISOString()
            if (rand() < 0.75) {
              followUps.push({ id: `fu_demo_p${n}`, kind: 'project', date: addDays(reg, -15), note: '推荐创业项目', outcome: '已对接', visibleToResident: true, nextFollowUpDate: '', projectId: 'prj_demo_city_homestay', projectTitle: '阳光康养民宿', byId: 'demo', byName: staffName, at: dayInstant(addDays(reg, -15)).toISOString() })
            }
            if (rand() < 0.75) {
              followUps.push({ id: `fu_demo_m${n}`, kind: 'mentor', date: addDays(reg, -10), note: '导师讲解贷款和记账', outcome: '已辅导', visibleToResident: true, nextFollowUpDate: '', projectId: null, projectTitle: null, mentorId: 'mtr_demo_chen', byId: 'demo', byName: '陈晓燕', at: dayInstant(addDays(reg, -10)).toISOString() })
            }
          }
        }
      }
      const intent: Case = {
        _id: `int_demo_${String(n).padStart(4, '0')}`,
        residentId,
        communityId: c._id,
        communityPath: c.path,
        communityName: c.name,
        name,
        gender: rand() < 0.5 ? 'male' : 'female',
        ageBand: pick(AGE_BANDS),
        education: pick(['junior', 'senior', 'vocational', 'college'] as const),
        household: rand() < 0.5 ? 'rural' : 'urban',
        targetGroups: [group],
        familySituation: '家里三口人',
        skillLevel: pick(['none', 'basic', 'intermediate'] as const),
        certificates: [],
        industry: pick(INDUSTRIES),
        projectDescription: '想在社区附近做点小生意，需要了解扶持政策',
        projectPhase: startedAt ? 'operating' : 'preparing',
        needs,
        fundingAmount: needs.includes('funding') ? 30_000 : null,
        contactTime: 'anytime',
        projectInterestIds: [],
        phoneSealed: keyring.encrypt(phone),
        phoneMasked: maskPhone(phone),
        idCardSealed: keyring.encrypt(id),
        idCardMasked: maskIdCard(id),
        idCardHash: keyring.keyedHash('id-card', c._id, id),
        phoneHash: phoneHashOf({ keyring }, c._id, phone),
        registeredBy: onBehalf ? { byId: 'demo', byName: staffName, at: createdAt, consent: { method: k === 0 ? 'paper' : 'verbal-witnessed', at: created, note: k === 0 ? '纸质同意书存社区档案柜' : '见证人：社区网格员' } } : null,
        consentVersion: CONSENT_VERSION,
        consentAt: createdAt,
        sourceEventId: null,
        status: guidedAt ? 'accepted' : 'pending',
        stage,
        stageHistory: history,
        followUps,
        ventures,
        benefits,
        loans,
        loanDueDate: loanDueDate(loans),
        askedHelp: needs.length > 0,
        guidedAt,
        nextFollowUpDate: '',
        benefitCount: benefits.length,
        enjoyedOn: firstEnjoyedOn(benefits),
        trainedAt,
        startedAt,
        createdAt,
        updatedAt: createdAt,
        acceptedAt: guidedAt,
        acceptedByName: guidedAt ? staffName : '',
        withdrawnAt: '',
        version: 1,
      }
      await store.transaction(async (tx) => {
        if (residentId) await tx.collection('caseSlots').insert({ _id: residentSlotId({ keyring }, c._id, residentId), intentId: intent._id, communityId: c._id, createdAt })
        else await tx.collection('caseSlots').insert({ _id: phoneSlotId(intent.phoneHash ?? ''), intentId: intent._id, communityId: c._id, createdAt })
        await tx.collection('caseSlots').insert({ _id: idCardSlotId(intent.idCardHash), intentId: intent._id, communityId: c._id, createdAt })
        await tx.collection('cases').insert(intent)
        await applyCountedChange(tx, null, countedIntent(intent))
      })
    }
  }
  // 金沙 has no baseline: the browser tests enter it on the dashboard.
  await seedBaselines(store, now, communities, mainRand)
  return n
}

function demoBenefit(id: string, policyId: string | null, policyTitle: string, kind: MoneyBenefit['kind'], amountFen: number, date: string, approvedBy: string, documentNo: string, byName: string, eligible: boolean): Benefit {
  return {
    id, policyId, policyTitle, kind, amountFen, date, approvedBy, documentNo, note: '',
    eligible, overrideReason: eligible ? '' : '经街道审核，特殊困难予以支持',
    loanId: null, at: dayInstant(date).toISOString(), byName, history: [],
  }
}

/** A loan applied for before the venture registered, through the steps its age allows. */
function demoLoan(n: number, reg: string, today: string, rand: () => number, staffName: string, policyTitle: string, policyId: string, capFen: number | null, eligible: boolean): Loan {
  const amountFen = Math.min((5 + Math.floor(rand() * 20)) * 10_000 * 100, capFen ?? Infinity)
  const steps: LoanStepRecord[] = []
  let date = addDays(reg, -25)
  const push = (step: LoanStepRecord['step'], gap: number, actor: string, fen: number, extra: Partial<LoanStepRecord> = {}): boolean => {
    const d = addDays(date, gap)
    if (d >= today) return false
    date = d
    steps.push({ step, date: d, actor, amountFen: fen, documentNo: `贷〔${d.slice(0, 4)}〕${n}-${steps.length + 1}`, period: 0, repayDue: '', interestDue: '', note: '', at: dayInstant(d).toISOString(), byName: staffName, ...extra })
    return true
  }
  push('applied', 0, '居民本人', amountFen)
  const ok =
    push('recommended', 3, '社区', amountFen) &&
    push('guarantee_reviewed', 7, '市创业担保中心', amountFen) &&
    push('bank_approved', 7, '攀枝花农商银行', amountFen) &&
    push('disbursed', 5, '攀枝花农商银行', amountFen, { repayDue: addDays(date, 5 + 730), interestDue: addDays(date, 5 + 90) })
  if (ok) {
    const periods = Math.floor(rand() * 6)
    for (let p = 1; p <= periods; p++) {
      const interest = Math.round(amountFen * 0.0365 / 4)
      if (!push('interest', 90, '市财政局', interest, { period: p, interestDue: addDays(date, 180) })) break
    }
    // How loans end, spread over the demo: repaid, overdue, overdue then compensated, still running.
    const end = n % 7
    if (end <= 1) push('repaid', 10, '攀枝花农商银行', amountFen)
    else if (end <= 3 && push('overdue', 10, '攀枝花农商银行', Math.round(amountFen / 4)) && end === 3) push('compensated', 20, '市创业担保中心', Math.round(amountFen / 4))
  }
  return { id: `loan_demo_${n}`, policyId, policyTitle, capFen, eligible, overrideReason: eligible ? '' : '经街道审核，特殊困难予以支持', steps, createdAt: steps[0]?.at ?? dayInstant(reg).toISOString() }
}

/** Each community's working-age and employed residents for this year and last, and new employment per month. */
async function seedBaselines(store: Store<Collections>, now: Date, communities: readonly Org[], rand: () => number): Promise<void> {
  const { year, month } = periodsOf(now)
  for (const c of communities) {
    if (c.level !== 'community' || c._id === 'c-jinsha') continue
    const workingAge = 180 + Math.floor(rand() * 120)
    const values: [string, Record<string, number>][] = [
      [year, { base_workingAge: workingAge, base_employed: Math.floor(workingAge * 0.55), base_newEmployment: 30 + Math.floor(rand() * 20) }],
      [String(Number(year) - 1), { base_workingAge: workingAge - 8, base_employed: Math.floor(workingAge * 0.52), base_newEmployment: 28 + Math.floor(rand() * 20) }],
    ]
    const m = Number(month.slice(-2))
    for (let i = 1; i <= m; i++) values.push([`${year}-M${String(i).padStart(2, '0')}`, { base_newEmployment: 2 + Math.floor(rand() * 5) }])
    for (const [period, fields] of values) {
      const id = counterId(c._id, period)
      await store.transaction(async (tx) => {
        const current = await tx.collection('counters').get(id)
        if (current) await tx.collection('counters').update(id, { set: fields })
        else {
          const doc: Counter = { _id: id, orgId: c._id, period, ...fields }
          await tx.collection('counters').insert(doc)
        }
      })
    }
  }
}
