import { remindInput, type RemindOutput } from '../../_shared/contracts/evaluation'
import { defineAction } from '../../_shared/runtime/action'
import { evaluationStaff } from '../application'
import { sendReminders } from '../remind'

/** Sends today's deadline reminders now (admin); the daily timer trigger runs the same job. */
export const remind = defineAction({
  input: remindInput,
  ...evaluationStaff('evaluation.remind'),
  audit: 'write',
  async run(_input, ctx): Promise<RemindOutput> {
    return sendReminders(ctx.store, ctx.now())
  },
})
