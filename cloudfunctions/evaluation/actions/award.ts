import { awardInput, type CertificateOutput, getInput, revokeInput } from '../../_shared/contracts/evaluation'
import type { EvaluationApplication, EvaluationStatus } from '../../_shared/domain/evaluation'
import { HELD_BY } from '../../_shared/domain/evaluation'
import { photoProblem } from '../../_shared/domain/feedback'
import { shanghaiDate } from '../../_shared/domain/time'
import type { PhotoFiles } from '../../_shared/files/photo-files'
import { defineAction } from '../../_shared/runtime/action'
import { conflict, notFound, validation } from '../../_shared/runtime/errors'
import { where } from '../../_shared/store/port'
import { deadlinesFor, historyEntry, loadApplication, toView, evaluationStaff, evaluationWrite } from '../application'

/** Statuses after the district's certification: the title can be awarded from any of them. */
const AWARDABLE: readonly EvaluationStatus[] = ['certified', 'spot_checked', 'selected']

async function write(ctx: Parameters<typeof toView>[0], app: EvaluationApplication, set: Partial<EvaluationApplication>): Promise<EvaluationApplication> {
  if (!(await ctx.store.collection('evaluations').update(app._id, { set, inc: { version: 1 } }, where.eq<EvaluationApplication>('version', app.version)))) {
    throw conflict('申报已被他人修改，请刷新后再试')
  }
  return { ...app, ...set, version: app.version + 1 }
}

/**
 * 命名/授牌: the city records the naming of a certified community (date, document number and, when
 * given, the scanned certificate, checked like an uploaded photo). Once per title: a revoked
 * title may be awarded again.
 */
export function makeAward(photos: () => PhotoFiles | null) {
  return defineAction({
    input: awardInput,
    ...evaluationWrite('evaluation.manage'),
    async run({ id, date, documentNo, certificate }, ctx) {
      const caller = ctx.caller
      const app = await loadApplication(ctx, caller, id)
      if (!AWARDABLE.includes(app.status)) throw conflict(`还不能命名授牌：${HELD_BY[app.status]}`)
      if (app.award && !app.revocation) throw conflict(`已于 ${app.award.date} 命名授牌（${app.award.documentNo}）`)
      if (date > shanghaiDate(ctx.now())) throw validation([{ path: 'date', message: '命名日期不能晚于今天' }])
      if (certificate) {
        const store = photos()
        const stored = store ? await store.inspect(certificate) : null
        const problem = stored ? photoProblem(stored.size, stored.head) : '证书扫描件没有上传成功，请重新选择'
        if (problem) throw validation([{ path: 'certificate', message: problem }])
      }
      const entry = historyEntry(ctx, caller, 'award', app.status, `${documentNo}（${date}）`, await deadlinesFor(ctx.store, app.year, app.communityId))
      const award = { date, documentNo, certificate: certificate ?? null, byName: caller.staff.name, at: entry.at }
      return toView(ctx, caller, await write(ctx, app, { award, revocation: null, history: [...app.history, entry], updatedAt: entry.at }))
    },
  })
}

/** 动态管理: the city withdraws an awarded title (date, document number, reason). */
export const revoke = defineAction({
  input: revokeInput,
  ...evaluationWrite('evaluation.manage'),
  async run({ id, date, documentNo, reason }, ctx) {
    const caller = ctx.caller
    const app = await loadApplication(ctx, caller, id)
    if (!app.award) throw conflict('这个社区还没有命名授牌，没有可撤销的称号')
    if (app.revocation) throw conflict(`称号已于 ${app.revocation.date} 撤销`)
    if (date < app.award.date) throw validation([{ path: 'date', message: `撤销日期不能早于命名日期（${app.award.date}）` }])
    if (date > shanghaiDate(ctx.now())) throw validation([{ path: 'date', message: '撤销日期不能晚于今天' }])
    const entry = historyEntry(ctx, caller, 'revoke', app.status, `${documentNo}：${reason}`, await deadlinesFor(ctx.store, app.year, app.communityId))
    const revocation = { date, documentNo, reason, byName: caller.staff.name, at: entry.at }
    return toView(ctx, caller, await write(ctx, app, { revocation, history: [...app.history, entry], updatedAt: entry.at }))
  },
})

/**
 * The scanned 授牌 certificate of an application in the caller's scope (anyone who may read the
 * application), as a temporary link: the award card's 查看证书. A revoked title's certificate stays
 * viewable as the record of what was awarded.
 */
export function makeCertificate(photos: () => PhotoFiles | null) {
  return defineAction({
    input: getInput,
    ...evaluationStaff('evaluation.read'),
    async run({ id }, ctx): Promise<CertificateOutput> {
      const app = await loadApplication(ctx, ctx.caller, id)
      const ref = app.award?.certificate
      if (!ref) throw notFound('这次命名授牌没有附证书扫描件')
      const store = photos()
      if (!store) throw conflict('证书存储暂不可用，请稍后再试')
      return store.link(ref, ctx.now())
    },
  })
}
