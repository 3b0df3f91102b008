import { remindBehindInput, type RemindBehindOutput } from '../../_shared/contracts/evaluation'
import { defineAction } from '../../_shared/runtime/action'
import type { Collections } from '../../_shared/store/collections'
import type { Store } from '../../_shared/store/port'
import { evaluationStaff } from '../application'
import { type ReminderPush, remindBehind } from '../remind'

/** 催办: the city reminds everyone behind on a step (inbox, and a subscribe message where configured). */
export function makeRemindBehind(push: (store: Store<Collections>) => ReminderPush | null) {
  return defineAction({
    input: remindBehindInput,
    ...evaluationStaff('evaluation.manage'),
    audit: 'write',
    target: (input) => `${input.year}:${input.step ?? ''}`,
    async run({ year, step }, ctx): Promise<RemindBehindOutput> {
      return remindBehind(ctx.store, ctx.now(), ctx.caller.org, year, step, push(ctx.store))
    },
  })
}
