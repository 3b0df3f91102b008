import { draftInput } from '../../_shared/contracts/evaluation'
import { applicationId, EDITABLE_STATUSES, type EvaluationApplication } from '../../_shared/domain/evaluation'
import { defineAction } from '../../_shared/runtime/action'
import { conflict, validation } from '../../_shared/runtime/errors'
import { where } from '../../_shared/store/port'
import { deadlinesOf, historyEntry, toView, evaluationStaff } from '../application'
import { draftReport, figuresFor } from '../figures'

/**
 * The community lead opens the year's application (filled from the year's data, the report
 * drafted from the same figures) or edits it while it is a draft or returned: `refresh` re-reads
 * the figures, `form` and `report` replace the community's own text. Version-guarded.
 */
export const draft = defineAction({
  input: draftInput,
  ...evaluationStaff('evaluation.apply'),
  // An application is a community's own (keyed by the caller's community below): an office
  // holding the permission has nothing to apply for.
  rules: [{ on: 'every call (a community applies for itself)', access: 'staff', levels: ['community'], refusal: '只有社区可以申报' }],
  audit: 'write',
  async run(input, ctx) {
    const caller = ctx.caller
    const id = applicationId(caller.org._id, input.year)
    const evaluations = ctx.store.collection('evaluations')
    const current = await evaluations.get(id)
    const at = ctx.now().toISOString()
    if (!current) {
      const figures = await figuresFor(ctx, caller.org._id, input.year)
      const deadlines = await deadlinesOf(ctx.store, input.year)
      const app: EvaluationApplication = {
        _id: id,
        year: input.year,
        communityId: caller.org._id,
        communityName: caller.org.name,
        communityPath: caller.org.path,
        status: 'draft',
        figures,
        form: input.form ?? { contactName: caller.staff.name, contactPhone: '', overview: '' },
        report: input.report ?? draftReport(figures),
        history: [historyEntry(ctx, caller, 'draft', 'draft', '', deadlines)],
        sample: null,
        calls: [],
        surveyId: null,
        spotFindings: '',
        spotMethods: [],
        createdAt: at,
        updatedAt: at,
        version: 1,
      }
      try {
        await evaluations.insert(app)
      } catch {
        // A colleague opened it at the same moment: theirs stands, edit that one.
        throw conflict('本年度的申报已由同事创建，请刷新后再改')
      }
      return toView(ctx, caller, app)
    }
    const wantsChange = input.refresh || input.form !== undefined || input.report !== undefined
    if (!wantsChange) return toView(ctx, caller, current)
    if (!EDITABLE_STATUSES.includes(current.status)) throw conflict('申报已提交，不能再修改')
    if (input.version === undefined) throw validation([{ path: 'version', message: '缺少版本号' }])
    if (input.version !== current.version) throw conflict('申报已被他人修改，请刷新后再改')
    const set: Partial<EvaluationApplication> = { updatedAt: at }
    if (input.refresh) set.figures = await figuresFor(ctx, caller.org._id, input.year)
    if (input.form) set.form = input.form
    if (input.report) set.report = input.report
    const changed = await evaluations.update(
      id,
      { set, inc: { version: 1 } },
      where.and<EvaluationApplication>(where.eq('version', current.version), where.in('status', [...EDITABLE_STATUSES])),
    )
    if (!changed) throw conflict('申报已被他人修改，请刷新后再改')
    return toView(ctx, caller, { ...current, ...set, version: current.version + 1 })
  },
})
