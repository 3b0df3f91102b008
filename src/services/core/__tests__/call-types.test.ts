import { type ActionInput, type ActionOutput, makeCall } from '../cloud-core'

/**
 * The typed call is derived from the action declarations (server/functions.ts → defineAction):
 * the `@ts-expect-error` lines and the assignments below are checked by `npx tsc --noEmit -p .`,
 * so a call whose types stopped following the declarations fails the type check; the runtime
 * part checks what `makeCall` hands to the transport.
 */
describe('call(fn, action, input)', () => {
  it('sends the function, the action and the input as given, and resolves to what the transport answers', async () => {
    const sent: unknown[] = []
    const call = makeCall(async (fn, action, data) => {
      sent.push([fn, action, data])
      return { _id: 'int_1', communityName: '金沙社区' }
    })
    const view = await call('ledger', 'get', { id: 'int_1' })
    // The output type is what ledger.get's `run` returns (CaseView).
    const community: string = view.communityName
    expect(community).toBe('金沙社区')
    expect(sent).toEqual([['ledger', 'get', { id: 'int_1' }]])
  })

  it('takes its types from the declarations (checked by tsc)', () => {
    // Input: the action's valibot schema, as the client fills it in (defaults optional).
    const list: ActionInput<'ledger', 'list'> = { stage: 'registered' }
    const withdraw: ActionInput<'intent', 'withdraw'> = { id: 'int_1' }
    // @ts-expect-error an input field the schema does not declare
    const wrong: ActionInput<'intent', 'withdraw'> = { idx: 'int_1' }
    // @ts-expect-error an action the function does not declare
    const missing: ActionInput<'ledger', 'nope'> = {}
    // Output: a job view typed by what the job returns (a ReconcileReport, not unknown).
    const reconcile: NonNullable<ActionOutput<'indices', 'reconcile'>['result']>['counterDocs'] = 0
    // @ts-expect-error a number is not the CaseView ledger.get returns
    const notCase: ActionOutput<'ledger', 'get'> = 1
    expect([list, withdraw, wrong, missing, reconcile, notCase]).toHaveLength(6)
  })
})
