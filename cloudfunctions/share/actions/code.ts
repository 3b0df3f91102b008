import { shareCodeInput, type ShareCodeOutput } from '../../_shared/contracts/share'
import { sharePayload } from '../../_shared/domain/share'
import { codeImage } from '../../_shared/files/mini-codes'
import { type Action, defineAction } from '../../_shared/runtime/action'
import { notFound, validation } from '../../_shared/runtime/errors'
import { ShareCodeInputError, type ShareCodePort } from '../codes'
import { loadItem, shareRefOf } from '../items'

/** The share poster's code for an item, carrying the caller's referral id, as a PNG. */
export function makeShareCode(codes: ShareCodePort): Action<typeof shareCodeInput, ShareCodeOutput> {
  return defineAction({
    input: shareCodeInput,
    access: 'resident',
    async run(input, ctx): Promise<ShareCodeOutput> {
      const item = await loadItem(ctx, input.kind, input.id)
      if (!item || !item.open) throw notFound('内容不存在或已下架')
      const { path } = sharePayload(input.kind, { id: item.id, title: item.title }, shareRefOf(ctx.keyring, ctx.caller.id))
      try {
        const made = await codes.make({ path: path.slice(1), origin: input.origin ?? null, width: 280 })
        return { ...codeImage(made), url: made.url }
      } catch (err) {
        if (err instanceof ShareCodeInputError) throw validation([{ path: 'origin', message: err.message }], err.message)
        throw err
      }
    },
  })
}
