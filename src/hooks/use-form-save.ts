import type * as v from 'valibot'
import { ErrorCodes, errorMessage, isApiError } from '../services/core/cloud'
import { clearField } from '../utils/field-errors'
import { toastText } from '../utils/toast'
import { useFormSubmit } from './use-form-submit'

/**
 * An inline editor's save (服务资源, 项目库), through `useFormSubmit`: the shared schema's and the
 * server's field messages go beside their fields (no toast for those), a stale version says
 * someone else changed it, anything else is a toast; after saving, `onDone(true)`. `edit` gives
 * a field's setter that also clears that field's message (and its rows').
 */
export function useFormSave<S extends v.GenericSchema>(noun: string, schema: S, send: (value: v.InferOutput<S>) => Promise<unknown>, onDone: (saved: boolean) => void, doneText = '已保存') {
  const form = useFormSubmit<S, unknown, 'save'>({
    schema,
    submit: send,
    successToast: doneText,
    then: () => onDone(true),
    invalidToast: false,
    onError: (e) => {
      if (isApiError(e) && e.fields.length) return
      toastText(isApiError(e) && e.code === ErrorCodes.conflict ? `${noun}已被他人修改，请刷新后再改` : errorMessage(e))
    },
  })
  const { errors, setErrors } = form
  const edit =
    <V,>(key: string, set: (value: V) => void) =>
    (value: V) => {
      set(value)
      setErrors((m) => clearField(m, key))
    }
  return { errors, setErrors, busy: form.busy !== null, submit: (input: unknown) => void form.run(input), edit }
}

