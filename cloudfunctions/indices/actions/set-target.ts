import { setTargetInput } from '../../_shared/contracts/indices'
import { TARGET_RULES, targetId, type TargetRecord } from '../../_shared/domain/target'
import { defineAction, staffWith } from '../../_shared/runtime/action'
import { AppError } from '../../_shared/runtime/errors'
import { assertYearOpen, TARGETS_REFUSED } from '../../_shared/application/targets'

/**
 * The city sets one of its own targets for a year, naming the document it comes from (a seed, or
 * `local` when the office decided it). Lower levels get theirs by `splitTarget`.
 */
export const setTarget = defineAction({
  input: setTargetInput,
  ...staffWith('target.set', TARGETS_REFUSED['target.set']),
  audit: 'write',
  target: (input) => `${input.year}:${input.index}`,
  async run({ index, year, value, source }, ctx): Promise<TargetRecord> {
    const caller = ctx.caller
    if (caller.org.level !== 'city') throw new AppError('FORBIDDEN', TARGETS_REFUSED['target.set'])
    const rule = TARGET_RULES[index]
    if (rule?.kind === 'aboveLast' ? value !== null : value === null) {
      throw new AppError('VALIDATION', '目标值有误', [{ path: 'value', message: rule?.kind === 'aboveLast' ? '这个指标的目标是“高于上年”，不填数值' : '请填写目标值' }])
    }
    await assertYearOpen(ctx.store, year)
    const doc: TargetRecord = {
      _id: targetId(year, caller.org._id, index),
      index,
      orgId: caller.org._id,
      orgPath: caller.org.path,
      year,
      value,
      source,
      splitFrom: null,
      setBy: caller.staff._id,
      setAt: ctx.now().toISOString(),
    }
    await ctx.store.collection('targets').put(doc)
    return doc
  },
})
