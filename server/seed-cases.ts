import type { Counter } from '../cloudfunctions/_shared/domain/counter'
import { counterId } from '../cloudfunctions/_shared/domain/counter'
import {
  AGE_BANDS,
  type Benefit,
  CONSENT_VERSION,
  type FollowUp,
  INDUSTRIES,
  type Intent,
  type IntentStage,
  maskIdCard,
  maskPhone,
  NEEDS,
  type Venture,
} from '../cloudfunctions/_shared/domain/intent'
import type { Org } from '../cloudfunctions/_shared/domain/org'
import { periodsOf } from '../cloudfunctions/_shared/domain/period'
import type { PolicyCategory } from '../cloudfunctions/_shared/domain/policy'
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
const CATEGORIES: PolicyCategory[] = ['startup_subsidy', 'guaranteed_loan', 'rent_subsidy', 'social_insurance_subsidy', 'tax_relief', 'training_subsidy']

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
      const history: Intent['stageHistory'] = [
        onBehalf ? { stage: 'registered', at: createdAt, byId: 'demo', byName: `${staffName}（代登记）`, note: '' } : { stage: 'registered', at: createdAt, byId: residentId, byName: '居民本人', note: '' },
      ]
      const followUps: FollowUp[] = []
      const ventures: Venture[] = []
      const benefits: Benefit[] = []
      let stage: IntentStage = 'registered'
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
          if (rand() < 0.8) {
            const category = pick(CATEGORIES)
            const date = addDays(reg, 10 + Math.floor(rand() * 40))
            if (date < today) {
              benefits.push({ id: `ben_demo_${n}`, policyId: null, policyTitle: '创业扶持政策', category, amount: category === 'guaranteed_loan' ? 100_000 : category === 'tax_relief' ? 0 : 3000 + Math.floor(rand() * 5) * 1000, date, note: '', at: dayInstant(date).toISOString(), byName: staffName })
            }
          }
        }
      }
      const intent: Intent = {
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
        targetGroups: [pick(['returning_migrant', 'graduate', 'unemployed', 'veteran'] as const)],
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
        askedHelp: needs.length > 0,
        guidedAt,
        nextFollowUpDate: '',
        benefitCount: benefits.length,
        trainedAt: '',
        startedAt,
        createdAt,
        updatedAt: createdAt,
        acceptedAt: guidedAt,
        acceptedByName: guidedAt ? staffName : '',
        withdrawnAt: '',
        version: 1,
      }
      await store.transaction(async (tx) => {
        if (residentId) await tx.collection('intentSlots').insert({ _id: residentSlotId({ keyring }, c._id, residentId), intentId: intent._id, communityId: c._id, createdAt })
        else await tx.collection('intentSlots').insert({ _id: phoneSlotId(intent.phoneHash ?? ''), intentId: intent._id, communityId: c._id, createdAt })
        await tx.collection('intentSlots').insert({ _id: idCardSlotId(intent.idCardHash), intentId: intent._id, communityId: c._id, createdAt })
        await tx.collection('intents').insert(intent)
        await applyCountedChange(tx, null, countedIntent(intent))
      })
    }
  }
  // 金沙 has no baseline: the browser tests enter it on the dashboard.
  await seedBaselines(store, now, communities, mainRand)
  return n
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
