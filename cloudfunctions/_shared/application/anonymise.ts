/**
 * The one way a case loses its personal data, shared by the resident's `profile.deleteMine` and
 * the retention job (`maintenance.retention`). Identifiers, sealed values and free text go; what
 * the counters count (status, stage and its dates, follow-up kinds and dates, ventures' numbers,
 * benefits) stays, so anonymising moves no counter. The case's slots are freed.
 */
import { ANONYMISED_NAME, type Case } from '../domain/case'
import type { Honor } from '../domain/report'
import type { Ctx } from '../runtime/action'
import { conflict } from '../runtime/errors'
import { where } from '../store/port'
import { idCardSlotId, phoneSlotId, residentSlotId } from './case'

/** The anonymised form of a case (pure). */
export function anonymisedIntent(i: Case, at: string): Case {
  const residentId = i.residentId
  return {
    ...i,
    residentId: '',
    name: ANONYMISED_NAME,
    phoneSealed: '',
    phoneMasked: '',
    idCardSealed: '',
    idCardMasked: '',
    idCardHash: '',
    ...(i.phoneHash !== undefined ? { phoneHash: '' } : {}),
    ...(i.registeredBy ? { registeredBy: { ...i.registeredBy, consent: { ...i.registeredBy.consent, note: '' } } } : {}),
    familySituation: '',
    certificates: [],
    projectDescription: '',
    fundingAmount: null,
    stageHistory: i.stageHistory.map((s) => ({
      ...s,
      byId: s.byId === residentId ? '' : s.byId,
      note: '',
    })),
    followUps: i.followUps.map((f) => ({ ...f, note: '', outcome: '' })),
    ventures: i.ventures.map((v) => ({ ...v, name: ANONYMISED_NAME })),
    benefits: i.benefits.map((b) => ({ ...b, note: '' })),
    anonymisedAt: at,
    updatedAt: at,
    version: i.version + 1,
  }
}

/**
 * Anonymises one case in a transaction, if it is still held and `still(current)` holds when read
 * inside it. Frees the case's slots (only those it owns: a withdrawn case's slots may belong to a
 * later registration). Resolves true when the case was anonymised now.
 */
export async function anonymiseCase(ctx: Pick<Ctx, 'store' | 'keyring'>, id: string, at: string, still: (current: Case) => boolean): Promise<boolean> {
  // A 表彰 naming the case (优秀创业人员) loses the name, the citation and the consent with it.
  const honors = (await ctx.store.collection('honors').find({ where: where.eq<Honor>('subjectId', id), limit: 50 })).items.filter((h) => h.kind === 'entrepreneur')
  return ctx.store.transaction(async (tx) => {
    const intents = tx.collection('cases')
    const current = await intents.get(id)
    if (!current || current.anonymisedAt || !still(current)) return false
    const slots = tx.collection('caseSlots')
    const owned = [idCardSlotId(current.idCardHash)]
    if (current.phoneHash) owned.push(phoneSlotId(current.phoneHash))
    if (current.residentId) owned.push(residentSlotId(ctx, current.communityId, current.residentId))
    for (const slotId of owned) {
      const slot = await slots.get(slotId)
      if (slot && slot.intentId === current._id) await slots.remove(slotId)
    }
    const { _id: _ignored, ...set } = anonymisedIntent(current, at)
    // A change that slipped in aborts the whole transaction, slots included.
    if (!(await intents.update(id, { set }, where.eq<Case>('version', current.version)))) throw conflict('这条记录刚有变化，请再试一次')
    for (const h of honors) {
      await tx.collection('honors').update(h._id, { set: { subjectName: ANONYMISED_NAME, citation: ANONYMISED_NAME, consent: null, storyId: null, updatedAt: at }, inc: { version: 1 } })
    }
    return true
  })
}
