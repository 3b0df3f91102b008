import { type MentorView, mentorSaveInput, resourceListInput } from '../../_shared/contracts/service'
import type { PageOf } from '../../_shared/contracts/common'
import type { Mentor } from '../../_shared/domain/service'
import { defineAction } from '../../_shared/runtime/action'
import { listScope, saveResource, toResourceView, SAVE_RESOURCE } from '../resources'

/** Staff: the mentor group of their chain (`resident` view: kept at their org or above) or their subtree (`manage`). */
export const mentors = defineAction({
  input: resourceListInput,
  access: 'staff',
  async run(input, ctx): Promise<PageOf<MentorView>> {
    const scope = await listScope(ctx, input.view)
    const page = await ctx.store.collection('mentors').find({
      where: scope ?? undefined,
      orderBy: [{ field: 'updatedAt', dir: 'desc' }],
      limit: input.limit,
      after: input.after ?? null,
    })
    return { items: page.items.map((m) => toResourceView(m, ctx.caller)), next: page.next }
  },
})

/** Adds a mentor to the caller's org, or edits one of their subtree's. */
export const saveMentor = defineAction({
  input: mentorSaveInput,
  ...SAVE_RESOURCE,
  async run(input, ctx): Promise<MentorView> {
    const { id, version, ...fields } = input
    const saved: Mentor = await saveResource(ctx, 'mentors', { id, version }, fields, 'mtr')
    return toResourceView(saved, ctx.caller)
  },
})
