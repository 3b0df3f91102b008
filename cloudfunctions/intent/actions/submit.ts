import { intentSubmitInput, type MyCase } from '../../_shared/contracts/intent'
import { CONSENT_VERSION, type Case, maskIdCard, maskPhone } from '../../_shared/domain/case'
import type { Org } from '../../_shared/domain/org'
import { defineAction, type Ctx } from '../../_shared/runtime/action'
import { applyCountedChange } from '../../_shared/runtime/counters'
import { AppError, conflict, validation, missingOrOutOfScope } from '../../_shared/runtime/errors'
import { DuplicateIdError, where } from '../../_shared/store/port'
import { countedIntent, idCardSlotId, phoneHashOf, phoneSlotId, projectTitles, residentSlotId, toMyCase } from '../../_shared/application/case'
import { checkInterests, DuplicateRegistration, intentAnswers, registerIntent } from '../../_shared/application/registration'

const DUPLICATE_ID_CARD = '这个身份证号已在本社区登记过创业意向，如有疑问请联系社区'
const DUPLICATE_PHONE = '这个手机号已用于本社区另一条代登记记录，请换一个号码或联系社区'
const DUPLICATE_RESIDENT = '你已在这个社区登记过创业意向，可以在“我的创业档案”里查看或修改'

function duplicateIdCard(): AppError {
  return new AppError('CONFLICT', DUPLICATE_ID_CARD, [{ path: 'idCard', message: DUPLICATE_ID_CARD }])
}

async function communityOf(ctx: Ctx, id: string): Promise<Org> {
  const org = await ctx.store.collection('orgs').get(id)
  if (!org || org.level !== 'community') throw validation([{ path: 'communityId', message: '请选择你所在的社区' }])
  return org
}

/**
 * Registers the resident's entrepreneurial intent, or corrects it while it is still waiting for
 * staff. One active registration per resident per community and per ID number per community:
 * both are claimed by slot documents whose ids are keyed hashes, inserted in the same
 * transaction as the intent and its counters, so two racing submissions cannot both succeed.
 */
export const submit = defineAction({
  input: intentSubmitInput,
  access: 'resident',
  audit: 'write',
  target: (input) => input.id ?? null,
  async run(input, ctx): Promise<MyCase> {
    const { caller, keyring } = ctx
    const community = await communityOf(ctx, input.communityId)
    const interests = await checkInterests(ctx, input.projectInterestIds, community)
    const now = ctx.now()
    const at = now.toISOString()
    const answers = intentAnswers(input, interests)
    const askedHelp = answers.needs.length > 0
    const resSlot = residentSlotId(ctx, community._id, caller.id)

    if (!input.id) {
      try {
        const intent = await registerIntent(ctx, {
          community,
          answers,
          phone: input.phone,
          idCard: input.idCard ?? '',
          residentId: caller.id,
          sourceEventId: input.sourceEventId ?? null,
          registeredBy: null,
        })
        return toMyCase(intent, await projectTitles(ctx.store, interests))
      } catch (err) {
        if (err instanceof DuplicateRegistration) throw err.kind === 'resident' ? conflict(DUPLICATE_RESIDENT) : duplicateIdCard()
        throw err
      }
    }

    // A correction of the resident's own, still pending registration.
    const id = input.id
    const current = await ctx.store.collection('cases').get(id)
    if (!current || current.residentId !== caller.id) throw missingOrOutOfScope(current, '这条登记不存在')
    if (current.status !== 'pending') {
      throw conflict(current.status === 'withdrawn' ? '这条登记已撤回，请重新登记' : '社区已受理你的登记，如需修改请联系创业指导员')
    }
    if (current.version !== input.version) throw conflict('登记内容已有变化，请刷新后再改')
    const hash = input.idCard ? keyring.keyedHash('id-card', community._id, input.idCard) : current.communityId === community._id ? current.idCardHash : null
    if (hash === null) {
      // Moving to another community re-keys the duplicate check, which needs the number itself.
      throw validation([{ path: 'idCard', message: '换了社区，请重新填写身份证号' }])
    }
    const next: Case = {
      ...current,
      ...answers,
      communityId: community._id,
      communityPath: community.path,
      communityName: community.name,
      phoneSealed: keyring.encrypt(input.phone),
      phoneMasked: maskPhone(input.phone),
      phoneHash: phoneHashOf(ctx, community._id, input.phone),
      ...(input.idCard ? { idCardSealed: keyring.encrypt(input.idCard), idCardMasked: maskIdCard(input.idCard) } : {}),
      idCardHash: hash,
      consentVersion: CONSENT_VERSION,
      consentAt: at,
      askedHelp,
      updatedAt: at,
      version: current.version + 1,
    }
    const oldRes = residentSlotId(ctx, current.communityId, caller.id)
    const oldIdc = idCardSlotId(current.idCardHash)
    const newIdc = idCardSlotId(hash)
    let saved: boolean
    try {
      saved = await ctx.store.transaction(async (tx) => {
        const slotCol = tx.collection('caseSlots')
        if (oldRes !== resSlot) {
          await slotCol.remove(oldRes)
          await slotCol.insert({ _id: resSlot, intentId: id, communityId: community._id, createdAt: at })
        }
        if (oldIdc !== newIdc) {
          await slotCol.remove(oldIdc)
          await slotCol.insert({ _id: newIdc, intentId: id, communityId: community._id, createdAt: at })
        }
        // A case registered on the resident's behalf holds its phone (how it was claimed); it moves with a corrected phone.
        if (current.registeredBy && current.phoneHash && current.phoneHash !== next.phoneHash) {
          await slotCol.remove(phoneSlotId(current.phoneHash))
          await slotCol.insert({ _id: phoneSlotId(next.phoneHash ?? ''), intentId: id, communityId: community._id, createdAt: at })
        }
        const { _id: _ignored, ...set } = next
        const ok = await tx.collection('cases').update(id, { set }, where.and(where.eq('version', current.version), where.eq('status', 'pending')))
        if (!ok) throw conflict('登记内容已有变化，请刷新后再改')
        // Registration counts stay in the period of the original registration.
        await applyCountedChange(tx, countedIntent(current), countedIntent(next))
        return true
      })
    } catch (err) {
      if (err instanceof DuplicateIdError) throw err.id === resSlot ? conflict(DUPLICATE_RESIDENT) : err.id.startsWith('phn_') ? conflict(DUPLICATE_PHONE) : duplicateIdCard()
      throw err
    }
    if (!saved) throw conflict('登记内容已有变化，请刷新后再改')
    return toMyCase(next, await projectTitles(ctx.store, interests))
  },
})
