import { remindInput, type RemindOutput } from '../../_shared/contracts/evaluation'
import { defineAction } from '../../_shared/runtime/action'
import { evaluator } from '../application'
import { sendReminders } from '../remind'

/** Sends today's deadline reminders now (admin); the daily timer trigger runs the same job. */
export const remind = defineAction({
  input: remindInput,
  access: 'staff',
  audit: 'write',
  async run(_input, ctx): Promise<RemindOutput> {
    evaluator(ctx, 'evaluation.remind')
    return sendReminders(ctx.store, ctx.now())
  },
})
