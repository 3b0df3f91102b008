import type * as v from 'valibot'
import type { CaseView } from '@shared/contracts/intent'
import { useFormSubmit } from '../../../hooks/use-form-submit'
import { ErrorCodes, errorMessage, isApiError } from '../../../services/core/cloud'
import { toastText } from '../../../utils/toast'

/** What the case page hands its sections: one-tap actions, and what a saved case does to the page. */
export interface CaseAction {
  busy: boolean
  /** Runs `work` (受理, 安排导师): its answer replaces the case and `done` is toasted. */
  run: (work: () => Promise<CaseView>, done: string) => Promise<boolean>
  /** The case as the server answered it after a write. */
  onSaved: (next: CaseView) => void
  /** Reads the case again (someone else changed it meanwhile). */
  onReload: () => void
}

/**
 * A failed case write: someone else changed the case meanwhile (conflict): say so and read it
 * again; anything else: say what happened.
 */
export function caseActionFailed(e: unknown, onReload: () => void): void {
  if (isApiError(e) && e.code === ErrorCodes.conflict) {
    toastText(e.message || '记录刚被别人修改过，已为你刷新')
    onReload()
  } else toastText(errorMessage(e))
}

/**
 * A form on the case page (跟进, 阶段, 创办, 享受政策, 贷款) on `useFormSubmit`: checked with the
 * shared schema (messages on the fields, no toast), sent, its answer replaces the case, `done` is
 * toasted and `then` closes or clears the form.
 */
export function useCaseForm<S extends v.GenericSchema>(action: CaseAction, options: { schema: S; send: (value: v.InferOutput<S>) => Promise<CaseView>; done: string; then?: () => void }) {
  return useFormSubmit({
    schema: options.schema,
    submit: async (value: v.InferOutput<S>) => {
      const next = await options.send(value)
      action.onSaved(next)
      return next
    },
    successToast: options.done,
    then: () => options.then?.(),
    invalidToast: false,
    // The server's field messages are on the fields already: nothing more to say.
    onError: (e) => {
      if (!(isApiError(e) && e.fields.length)) caseActionFailed(e, action.onReload)
    },
  })
}
