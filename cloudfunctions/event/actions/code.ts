import { codeInput, type CodeOutput } from '../../_shared/contracts/event'
import { EVENT_PAGE, slotEnd, slotOf } from '../../_shared/domain/event'
import { codeImage } from '../../_shared/files/mini-codes'
import { type Action, defineAction } from '../../_shared/runtime/action'
import { conflict, validation } from '../../_shared/runtime/errors'
import { loadForStaff } from '../access'
import { MiniCodeInputError, type MiniCodePort } from '../../_shared/codes/port'
import { signScene } from '../../_shared/codes/scene'

/**
 * The poster's code (opens the event) or the current check-in code (rotates every 30 seconds),
 * made by the bound `MiniCodePort`: inline PNG, or the cloud file id of the kept poster code.
 */
export function makeCode(codes: MiniCodePort): Action<typeof codeInput, CodeOutput> {
  return defineAction({
    input: codeInput,
    access: 'staff',
    permission: 'event.read',
    refusal: '你的角色不能进行这个操作',
    // Every role holding event.checkin holds event.read (domain/roles.ts).
    rules: [{ on: "`purpose: 'checkin'`", when: (input) => input.purpose === 'checkin', access: 'staff', permission: 'event.checkin', refusal: '你的角色不能进行这个操作' }],
    async run(input, ctx): Promise<CodeOutput> {
      const event = await loadForStaff(ctx, input.id)
      if (event.status === 'cancelled') throw conflict('活动已取消')
      const now = ctx.now()
      const slot = slotOf(now)
      const scene =
        input.purpose === 'poster'
          ? signScene(ctx.keyring, { kind: 'poster', code: event.code })
          : signScene(ctx.keyring, { kind: 'checkin', code: event.code, slot })
      try {
        // The poster's scene never changes, so its code is kept; a check-in code lives 30 seconds.
        const keep = input.purpose === 'poster'
        const made = await codes.make({ scene, page: EVENT_PAGE, origin: input.origin ?? null, width: keep ? 640 : 560, keep })
        return {
          purpose: input.purpose,
          scene,
          page: EVENT_PAGE,
          url: made.url,
          ...codeImage(made),
          rotatesAt: input.purpose === 'checkin' ? slotEnd(slot).toISOString() : null,
        }
      } catch (err) {
        if (err instanceof MiniCodeInputError) throw validation([{ path: err.field, message: err.message }], err.message)
        throw err
      }
    },
  })
}
