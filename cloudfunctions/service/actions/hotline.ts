import { type HotlineView, hotlineSaveInput } from '../../_shared/contracts/service'
import type { Hotline } from '../../_shared/domain/service'
import { nearestHotline } from '../../_shared/domain/service'
import { defineAction, staffWith } from '../../_shared/runtime/action'
import { where } from '../../_shared/store/port'
import { residentPlace } from '../../_shared/application/resident'
import * as v from 'valibot'

const view = ({ orgPath: _p, ...rest }: Hotline): HotlineView => rest

/** The nearest hotline for the caller: their community's own, else its street's, district's or city's. */
export const hotline = defineAction({
  input: v.object({}),
  access: 'any',
  async run(_input, ctx): Promise<HotlineView | null> {
    const { communityPath } = await residentPlace(ctx)
    const path = communityPath ?? []
    const found = path.length ? (await ctx.store.collection('hotlines').find({ where: where.in<Hotline>('orgId', path), limit: path.length })).items : []
    const h = nearestHotline(found, path) ?? (path.length ? null : (await ctx.store.collection('hotlines').find({ limit: 1 })).items[0] ?? null)
    return h ? view(h) : null
  },
})

/** Staff set their own org's hotline, hours and office address. */
export const saveHotline = defineAction({
  input: hotlineSaveInput,
  ...staffWith('service.write', '你的角色不能修改服务热线'),
  audit: 'write',
  async run(input, ctx): Promise<HotlineView> {
    const caller = ctx.caller
    const h: Hotline = { _id: caller.org._id, orgId: caller.org._id, orgPath: caller.org.path, orgName: caller.org.name, ...input, updatedAt: ctx.now().toISOString() }
    await ctx.store.collection('hotlines').put(h)
    return view(h)
  },
})
