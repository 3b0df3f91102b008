/**
 * The one way a new registration (创业意向登记) enters the ledger, shared by the resident's own
 * `intent.submit` and a community worker's `ledger.register` (代登记): the same document shape,
 * the same slots and the same counter contributions, so a case counts in every index exactly
 * alike whoever typed it in.
 */
import { CONSENT_VERSION, type Case, type CaseAnswers, maskIdCard, maskPhone, type RegisteredBy } from '../domain/case'
import type { Org } from '../domain/org'
import type { Ctx } from '../runtime/action'
import { applyCountedChange } from '../runtime/counters'
import { validation } from '../runtime/errors'
import { DuplicateIdError, where } from '../store/port'
import { creditPushFunnel } from './push-funnel'
import { settleCaseSwitch } from './notices'
import { countedIntent, idCardSlotId, intentId, phoneHashOf, phoneSlotId, residentSlotId } from './case'

/** Interested projects must be active and visible to the chosen community. */
export async function checkInterests(ctx: Pick<Ctx, 'store'>, ids: string[], community: Org): Promise<string[]> {
  const unique = [...new Set(ids)]
  if (!unique.length) return []
  const page = await ctx.store.collection('projects').find({ where: where.in('_id', unique), limit: unique.length })
  const ok = page.items.filter((p) => p.status === 'active' && community.path.includes(p.orgId)).map((p) => p._id)
  if (ok.length !== unique.length) {
    throw validation([{ path: 'projectInterestIds', message: '有的项目已下架或不在你的社区，请重新选择' }])
  }
  return unique
}

/**
 * The answers of a registration form, the resident's own or a worker's 代登记, as stored: only
 * the answer fields (nothing else the input carries), the checked project interests, and no
 * funding amount unless funding is among the needs.
 */
export function intentAnswers(input: Omit<CaseAnswers, 'projectInterestIds'>, interests: string[]): CaseAnswers {
  return {
    name: input.name,
    gender: input.gender,
    ageBand: input.ageBand,
    education: input.education,
    household: input.household,
    targetGroups: input.targetGroups,
    familySituation: input.familySituation,
    skillLevel: input.skillLevel,
    certificates: input.certificates,
    industry: input.industry,
    projectDescription: input.projectDescription,
    projectPhase: input.projectPhase,
    needs: input.needs,
    fundingAmount: input.needs.includes('funding') ? input.fundingAmount : null,
    contactTime: input.contactTime,
    projectInterestIds: interests,
  }
}

/** What a new registration needs besides the answers. */
export interface NewRegistration {
  community: Org
  answers: CaseAnswers
  phone: string
  idCard: string
  /** The resident registering; '' for a case a worker registers on their behalf (claimed later). */
  residentId: string
  sourceEventId: string | null
  /** Who registered it for the resident, and how consent was given; null when the resident did. */
  registeredBy: RegisteredBy | null
}

/** Which active registration a new one would repeat. */
export type DuplicateKind = 'resident' | 'idCard' | 'phone'

/** A registration refused because one is already active: `intentId` is the existing case. */
export class DuplicateRegistration extends Error {
  constructor(
    readonly kind: DuplicateKind,
    readonly intentId: string,
  ) {
    super(`duplicate registration (${kind})`)
    this.name = 'DuplicateRegistration'
  }
}

/**
 * Writes a new registration: its slots (resident, when known; ID number; phone), the case and
 * its counter contributions in one transaction. The slots are what refuses a duplicate, even
 * between two racing calls; the reads before are there to name the existing case.
 */
export async function registerIntent(ctx: Pick<Ctx, 'store' | 'keyring' | 'now'>, reg: NewRegistration): Promise<Case> {
  const { community } = reg
  const { keyring } = ctx
  const now = ctx.now()
  const at = now.toISOString()
  const idHash = keyring.keyedHash('id-card', community._id, reg.idCard)
  const phoneHash = phoneHashOf(ctx, community._id, reg.phone)
  const slotIds: [DuplicateKind, string][] = [
    ...(reg.residentId ? [['resident', residentSlotId(ctx, community._id, reg.residentId)] as [DuplicateKind, string]] : []),
    ['idCard', idCardSlotId(idHash)],
    // A phone is claimed only by a case registered on the resident's behalf: it is how the
    // resident finds it again to claim it. Residents registering themselves may share a phone
    // (a family's one number), so theirs claims nothing.
    ...(reg.registeredBy ? [['phone', phoneSlotId(phoneHash)] as [DuplicateKind, string]] : []),
  ]
  const slots = ctx.store.collection('caseSlots')
  for (const [kind, id] of slotIds) {
    const taken = await slots.get(id)
    if (taken) throw new DuplicateRegistration(kind, taken.intentId)
  }
  if (reg.registeredBy) {
    // A worker registering someone: the same phone on any active case of the community (the
    // resident's own registration included) is most likely the same person.
    const same = await ctx.store.collection('cases').find({
      where: where.and<Case>(where.eq('communityId', community._id), where.eq('phoneHash', phoneHash), where.ne('status', 'withdrawn')),
      limit: 1,
    })
    if (same.items[0]) throw new DuplicateRegistration('phone', same.items[0]._id)
  }
  const byStaff = reg.registeredBy
  // The resident's 我的帮扶进展 switch travels with the case (`caseNoticesOff`), read once here.
  const noticesOff = reg.residentId ? ((await ctx.store.collection('noticeSettings').get(reg.residentId))?.off.includes('case') ?? false) : false
  const intent: Case = {
    _id: intentId(now),
    residentId: reg.residentId,
    communityId: community._id,
    communityPath: community.path,
    communityName: community.name,
    ...reg.answers,
    phoneSealed: keyring.encrypt(reg.phone),
    phoneMasked: maskPhone(reg.phone),
    idCardSealed: keyring.encrypt(reg.idCard),
    idCardMasked: maskIdCard(reg.idCard),
    idCardHash: idHash,
    phoneHash,
    registeredBy: byStaff,
    consentVersion: CONSENT_VERSION,
    consentAt: byStaff ? byStaff.at : at,
    sourceEventId: reg.sourceEventId,
    ...(noticesOff ? { caseNoticesOff: true } : {}),
    status: 'pending',
    stage: 'registered',
    stageHistory: [
      byStaff
        ? { stage: 'registered', at, byId: byStaff.byId, byName: `${byStaff.byName}（代登记）`, note: '' }
        : { stage: 'registered', at, byId: reg.residentId, byName: '居民本人', note: '' },
    ],
    followUps: [],
    ventures: [],
    benefits: [],
    askedHelp: reg.answers.needs.length > 0,
    guidedAt: '',
    nextFollowUpDate: '',
    benefitCount: 0,
    enjoyedOn: '',
    trainedAt: '',
    startedAt: '',
    createdAt: at,
    updatedAt: at,
    acceptedAt: '',
    acceptedByName: '',
    withdrawnAt: '',
    version: 1,
  }
  try {
    await ctx.store.transaction(async (tx) => {
      for (const [, id] of slotIds) await tx.collection('caseSlots').insert({ _id: id, intentId: intent._id, communityId: community._id, createdAt: at })
      await tx.collection('cases').insert(intent)
      await applyCountedChange(tx, null, countedIntent(intent))
    })
  } catch (err) {
    if (err instanceof DuplicateIdError) {
      const hit = slotIds.find(([, id]) => id === err.id)
      if (hit) throw new DuplicateRegistration(hit[0], (await slots.get(hit[1]))?.intentId ?? '')
    }
    throw err
  }
  // A resident who opened a push and now registers counts in that push's funnel.
  if (intent.residentId) await creditPushFunnel(ctx.store, intent.residentId, at, { intent: true })
  // The switch may have flipped since it was read above (before the case existed to copy onto).
  return settleCaseSwitch(ctx.store, intent)
}
