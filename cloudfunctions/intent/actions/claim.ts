import { randomInt } from 'node:crypto'
import * as v from 'valibot'
import { type ClaimChannelOutput, claimConfirmInput, type ClaimStartOutput, claimStartInput, type MyCase } from '../../_shared/contracts/intent'
import type { ClaimCode, Case } from '../../_shared/domain/case'
import { maskPhone } from '../../_shared/domain/case'
import type { Org } from '../../_shared/domain/org'
import type { ClaimCodeSender } from '../../_shared/notifier/claim-code'
import { defineAction, type ResidentCtx } from '../../_shared/runtime/action'
import { AppError, conflict, validation } from '../../_shared/runtime/errors'
import { DuplicateIdError, where } from '../../_shared/store/port'
import { phoneHashOf, phoneSlotId, projectTitles, residentSlotId, toMyCase } from '../../_shared/application/case'
import { settleCaseSwitch } from '../../_shared/application/notices'

/** A code lives this long, and a new one can be asked for after this pause. */
export const CLAIM_CODE_TTL_MS = 10 * 60_000
export const CLAIM_RESEND_MS = 60_000
/** Wrong codes before the code is void and a new one must be asked for. */
export const CLAIM_MAX_ATTEMPTS = 5

const BAD_CODE = '验证码不对或已过期，请重新获取'

/** One live code per resident: the document id is a keyed hash of the resident. */
function claimCodeId(ctx: ResidentCtx): string {
  return `clm_${ctx.keyring.keyedHash('claim-code-owner', ctx.caller.id)}`
}

function codeMac(ctx: ResidentCtx, intentId: string, code: string): string {
  return ctx.keyring.mac('claim-code', `${intentId}\u0000${ctx.caller.id}\u0000${code}`, 22)
}

async function communityOf(ctx: ResidentCtx, id: string): Promise<Org> {
  const org = await ctx.store.collection('orgs').get(id)
  if (!org || org.level !== 'community') throw validation([{ path: 'communityId', message: '请选择你所在的社区' }])
  return org
}

/** The unclaimed case a worker registered with this phone in this community, if any. */
async function claimable(ctx: ResidentCtx, community: Org, phone: string): Promise<Case | null> {
  const slot = await ctx.store.collection('caseSlots').get(phoneSlotId(phoneHashOf(ctx, community._id, phone)))
  if (!slot) return null
  const intent = await ctx.store.collection('cases').get(slot.intentId)
  if (!intent || !intent.registeredBy || intent.residentId || intent.status === 'withdrawn' || intent.anonymisedAt) return null
  return intent
}

/**
 * Which subscribe-message template the claim page asks the resident to allow, inside the tap on
 * 获取验证码 (WeChat's `requestSubscribeMessage`), so the code can reach them: the same consent
 * the other resident flows ask before a message is sent.
 */
export function makeClaimChannel(sender: () => ClaimCodeSender) {
  return defineAction({
    input: v.object({}),
    access: 'resident',
    async run(): Promise<ClaimChannelOutput> {
      return { templateId: sender().templateId }
    },
  })
}

/**
 * A resident asks to claim the case a community worker registered for them (代登记): when the
 * phone they give is on such a case in that community, a 6-digit code goes to them through the
 * claim channel (a subscribe message on CloudBase, the runtime log locally). The answer is the
 * same whether or not the phone is on a case, so it tells nobody who is registered; one request
 * a minute per resident.
 */
export function makeClaimStart(sender: () => ClaimCodeSender) {
  return defineAction({
    input: claimStartInput,
    access: 'resident',
    audit: 'write',
    async run(input, ctx): Promise<ClaimStartOutput> {
      const community = await communityOf(ctx, input.communityId)
      const now = ctx.now()
      const codes = ctx.store.collection('claimCodes')
      const id = claimCodeId(ctx)
      const previous = await codes.get(id)
      if (previous && now.getTime() - Date.parse(previous.createdAt) < CLAIM_RESEND_MS) {
        throw new AppError('RATE_LIMITED', '验证码已发出，请 1 分钟后再重新获取', undefined, false, Math.ceil((Date.parse(previous.createdAt) + CLAIM_RESEND_MS - now.getTime()) / 1000))
      }
      const expiresAt = new Date(now.getTime() + CLAIM_CODE_TTL_MS).toISOString()
      const intent = await claimable(ctx, community, input.phone)
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
      // Written even when no case matches, so the pause applies to every guess alike.
      const doc: ClaimCode = {
        _id: id,
        intentId: intent?._id ?? '',
        communityId: community._id,
        codeMac: intent ? codeMac(ctx, intent._id, code) : '',
        attempts: 0,
        expiresAt,
        createdAt: now.toISOString(),
      }
      await codes.put(doc)
      if (intent) {
        const sent = await sender().send({
          id: `${id}_${now.getTime()}`,
          toUser: ctx.caller.id,
          code,
          phoneMasked: intent.phoneMasked,
          communityName: community.name,
          expiresAt,
        })
        if (!sent.ok) {
          await codes.remove(id)
          throw conflict(
            sent.kind === 'refused' ? '请先允许接收“验证码”消息，再重新获取' : sent.kind === 'transient' ? '验证码没有发出去，请稍后再试' : '暂时无法发送验证码，请到社区办理认领',
          )
        }
      }
      return { phoneMasked: maskPhone(input.phone), expiresAt }
    },
  })
}

/**
 * The resident enters the code: the case registered on their behalf becomes theirs (their
 * 我的创业档案 shows it, they may correct or withdraw it), with no second registration. A resident
 * who already has an active registration in the community is refused with a pointer to it.
 * Claiming moves no counter: the case was counted when the worker registered it.
 */
export const claimConfirm = defineAction({
  input: claimConfirmInput,
  access: 'resident',
  audit: 'write',
  async run(input, ctx): Promise<MyCase> {
    const community = await communityOf(ctx, input.communityId)
    const now = ctx.now()
    const codes = ctx.store.collection('claimCodes')
    const id = claimCodeId(ctx)
    const doc = await codes.get(id)
    if (!doc || !doc.intentId || doc.communityId !== community._id || Date.parse(doc.expiresAt) <= now.getTime()) {
      throw validation([{ path: 'code', message: BAD_CODE }], BAD_CODE)
    }
    const intent = await claimable(ctx, community, input.phone)
    if (!intent || intent._id !== doc.intentId) throw validation([{ path: 'phone', message: '手机号和获取验证码时的不一样' }], '手机号和获取验证码时的不一样')
    if (!ctx.keyring.verifyMac('claim-code', `${intent._id}\u0000${ctx.caller.id}\u0000${input.code}`, doc.codeMac)) {
      if (doc.attempts + 1 >= CLAIM_MAX_ATTEMPTS) await codes.remove(id)
      else await codes.update(id, { inc: { attempts: 1 } })
      const message = doc.attempts + 1 >= CLAIM_MAX_ATTEMPTS ? '验证码错误次数太多，请重新获取' : BAD_CODE
      throw validation([{ path: 'code', message }], message)
    }
    const at = now.toISOString()
    const resSlot = residentSlotId(ctx, community._id, ctx.caller.id)
    let saved: Case
    // The case takes the resident's 我的帮扶进展 switch (`caseNoticesOff`) as it becomes theirs.
    const noticesOff = (await ctx.store.collection('noticeSettings').get(ctx.caller.id))?.off.includes('case') ?? false
    try {
      saved = await ctx.store.transaction(async (tx) => {
        const current = await tx.collection('cases').get(intent._id)
        if (!current || current.residentId || current.version !== intent.version) throw conflict('这条登记刚有变化，请重新获取验证码')
        await tx.collection('caseSlots').insert({ _id: resSlot, intentId: current._id, communityId: community._id, createdAt: at })
        const set = { residentId: ctx.caller.id, claimedAt: at, updatedAt: at, version: current.version + 1, caseNoticesOff: noticesOff }
        if (!(await tx.collection('cases').update(current._id, { set }, where.and<Case>(where.eq('version', current.version), where.eq('residentId', ''))))) {
          throw conflict('这条登记刚有变化，请重新获取验证码')
        }
        await tx.collection('claimCodes').remove(id)
        return { ...current, ...set }
      })
    } catch (err) {
      if (err instanceof DuplicateIdError && err.id === resSlot) {
        const mine = await ctx.store.collection('caseSlots').get(resSlot)
        const message = '你在这个社区已经有一条登记，不能再认领另一条；请联系社区合并'
        throw new AppError('CONFLICT', message, [{ path: 'phone', message, ref: mine?.intentId ?? '' }])
      }
      throw err
    }
    // The switch may have flipped since it was read above (before the case was theirs to copy onto).
    saved = await settleCaseSwitch(ctx.store, saved)
    return toMyCase(saved, await projectTitles(ctx.store, saved.projectInterestIds))
  },
})
