import * as v from 'valibot'
import type { MineOutput } from '../../_shared/contracts/intent'
import type { Case } from '../../_shared/domain/case'
import { defineAction } from '../../_shared/runtime/action'
import { where } from '../../_shared/store/port'
import { projectTitles, toMyCase } from '../../_shared/application/case'

/** 我的创业档案: the resident's latest registration — the active one, else the last withdrawn one. */
export const mine = defineAction({
  input: v.object({}),
  access: 'resident',
  async run(_input, { store, caller }): Promise<MineOutput> {
    const page = await store.collection('cases').find({
      where: where.eq<Case>('residentId', caller.id),
      orderBy: [{ field: 'createdAt', dir: 'desc' }],
      limit: 20,
    })
    const current = page.items.find((i) => i.status !== 'withdrawn') ?? page.items[0] ?? null
    return { current: current ? toMyCase(current, await projectTitles(store, current.projectInterestIds)) : null }
  },
})
