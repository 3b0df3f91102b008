import type { PageOf } from '../../_shared/contracts/common'
import { resourceIdInput, resourceListInput, storySaveInput, type StoryView } from '../../_shared/contracts/service'
import type { Story } from '../../_shared/domain/service'
import { shanghaiDate } from '../../_shared/domain/time'
import { type Ctx, defineAction } from '../../_shared/runtime/action'
import { validation } from '../../_shared/runtime/errors'
import { storyHonors } from '../../_shared/application/honors'
import { checkPolicies } from '../../_shared/application/policy-links'
import { listScope, loadVisible, saveResource, toResourceView, MANAGED_LIST, SAVE_RESOURCE } from '../resources'
import { policyLinks } from './guides'

async function toStoryView(ctx: Ctx, s: Story): Promise<StoryView> {
  const { consent, ...rest } = toResourceView(s, ctx.caller)
  return { ...rest, consentRecorded: !!consent.how, policies: await policyLinks(ctx, s.policyIds) }
}

/** Stories of the caller's chain, newest first (the home page shows the first few). */
export const stories = defineAction({
  input: resourceListInput,
  ...MANAGED_LIST,
  async run(input, ctx): Promise<PageOf<StoryView>> {
    const scope = await listScope(ctx, input.view)
    const page = await ctx.store.collection('stories').find({ where: scope ?? undefined, orderBy: [{ field: 'publishedAt', dir: 'desc' }], limit: input.limit, after: input.after ?? null })
    return { items: await Promise.all(page.items.map((s) => toStoryView(ctx, s))), next: page.next }
  },
})

export const story = defineAction({
  input: resourceIdInput,
  access: 'any',
  async run(input, ctx): Promise<StoryView> {
    const s = await loadVisible(ctx, 'stories', input.id)
    return { ...(await toStoryView(ctx, s)), honors: await storyHonors(ctx.store, s._id) }
  },
})

/**
 * Publishes a story (or edits one) with the entrepreneur's consent on record: how they agreed and
 * when (not after today), and who recorded it.
 */
export const saveStory = defineAction({
  input: storySaveInput,
  ...SAVE_RESOURCE,
  async run(input, ctx): Promise<StoryView> {
    const caller = ctx.caller
    const today = shanghaiDate(ctx.now())
    if (input.consentDate > today) throw validation([{ path: 'consentDate', message: '同意日期不能晚于今天' }])
    await checkPolicies(ctx, input.policyIds, caller.org.path)
    const { id, version, consentHow, consentDate, ...fields } = input
    const prior = id ? await ctx.store.collection('stories').get(id) : null
    const saved = await saveResource(
      ctx,
      'stories',
      { id, version },
      { ...fields, consent: { how: consentHow, at: consentDate, recordedByName: caller.staff.name }, publishedAt: prior?.publishedAt ?? ctx.now().toISOString() },
      'sty',
    )
    return toStoryView(ctx, saved)
  },
})
