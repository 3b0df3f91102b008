import { closeTargetYearInput } from '../../_shared/contracts/indices'
import { defineAction, staffWith } from '../../_shared/runtime/action'
import { TARGETS_REFUSED } from '../../_shared/application/targets'

/** The city closes a year's targets to edits (setting and splitting then answer 409), or reopens them. */
export const closeTargetYear = defineAction({
  input: closeTargetYearInput,
  ...staffWith('target.close', TARGETS_REFUSED['target.close']),
  audit: 'write',
  target: (input) => String(input.year),
  async run({ year, closed }, ctx): Promise<{ year: number; closed: boolean }> {
    await ctx.store.collection('targetYears').put({ _id: String(year), year, closed, closedBy: ctx.caller.staff._id, closedAt: ctx.now().toISOString() })
    return { year, closed }
  },
})
