import { useCallback, useRef, useState } from 'react'
import type * as v from 'valibot'
import { check, type FieldError } from '@shared/contracts/common'
import { ErrorCodes, errorMessage, isApiError } from '../services/core/cloud'
import { clearField, toFieldErrorMap, type FieldErrorMap } from '../utils/field-errors'
import { toastSuccess, toastText } from '../utils/toast'

/** Said when a submit found no network (issue 23: an offline tap used to say nothing). */
export const OFFLINE_MESSAGE = '没有连上网络，填写的内容还在，联网后再点一次'

/** How a submit ended: sent, refused before sending (fields), or failed on the way. */
export type SubmitOutcome<R> = { ok: true; result: R } | { ok: false; invalid: boolean; error: unknown }

export interface FormSubmitOptions<S extends v.GenericSchema, R, M extends string> {
  /** The shared valibot schema the server checks the same input with. */
  schema: S
  /**
   * Rules across fields the schema cannot say (weights adding up, a question's dimension
   * existing), checked on the schema's output: their messages go on the fields like the schema's.
   */
  problems?: (value: v.InferOutput<S>) => readonly FieldError[]
  /** Sends the checked value. */
  submit: (value: v.InferOutput<S>, mode: M) => Promise<R>
  /**
   * Save-and-publish: run after `submit` when the mode is `publish`. A failure here is reported
   * with `saved: true` (the draft is stored; only publishing failed).
   */
  publish?: (saved: R) => Promise<R>
  /** The toast after success. Default none. */
  successToast?: string | ((result: R, mode: M) => string)
  /** Where to go after success (redirect, back to the list), `delayMs` after the toast. */
  then?: (result: R, mode: M) => void
  /** Wait this long before `then`, so the toast is read. Default 0 (at once). */
  delayMs?: number
  /** The toast when the form is refused before sending (false: none). Default the first field's message. */
  invalidToast?: ((fields: readonly FieldError[]) => string) | false
  /** After field messages were set (local or from the server): scroll to the first one, say. */
  onInvalid?: (errors: FieldErrorMap) => void
  /**
   * Any other failure, after the server's field messages (if any) were put on the fields.
   * Default: a toast saying what happened (`errorMessage`).
   */
  onError?: (error: unknown, context: { saved: boolean; mode: M }) => void
}

export interface FormSubmit<M extends string> {
  /** Field messages by dotted path, from the schema or from the server's answer. */
  errors: FieldErrorMap
  setErrors: (update: FieldErrorMap | ((prev: FieldErrorMap) => FieldErrorMap)) => void
  /** Drops the message of `path` (and below) once the user edits it. */
  clear: (path: string) => void
  /** The mode being submitted, or null when idle; a second submit while busy is ignored. */
  busy: M | null
  /** Validates `input`, sends it, and reports the outcome on the fields and in a toast. */
  run: (input: unknown, mode?: M) => Promise<SubmitOutcome<unknown>>
}

/**
 * The one way a form page submits: check the input with the shared schema (field messages on
 * the fields, a toast, nothing sent), send it, publish after saving when asked to, then a
 * success toast and the next page; on failure the server's field messages go on the fields and
 * the rest is said in a toast (or handed to `onError`).
 */
export function useFormSubmit<S extends v.GenericSchema, R, M extends string = 'save'>(options: FormSubmitOptions<S, R, M>): FormSubmit<M> {
  const [errors, setErrors] = useState<FieldErrorMap>({})
  const [busy, setBusy] = useState<M | null>(null)
  const busyRef = useRef(false)
  const optionsRef = useRef(options)
  optionsRef.current = options

  const clear = useCallback((path: string) => setErrors((e) => clearField(e, path)), [])

  const run = useCallback(async (input: unknown, mode: M = 'save' as M): Promise<SubmitOutcome<unknown>> => {
    if (busyRef.current) return { ok: false, invalid: false, error: new Error('busy') }
    const o = optionsRef.current
    const checked = check(o.schema, input)
    const refused = checked.ok ? (o.problems?.(checked.value) ?? []) : checked.fields
    if (!checked.ok || refused.length) {
      const map = toFieldErrorMap(refused)
      setErrors(map)
      if (o.invalidToast !== false) toastText(o.invalidToast ? o.invalidToast(refused) : refused[0].message)
      o.onInvalid?.(map)
      return { ok: false, invalid: true, error: null }
    }
    setErrors({})
    busyRef.current = true
    setBusy(mode)
    let saved = false
    try {
      let result = await o.submit(checked.value as v.InferOutput<S>, mode)
      saved = true
      if (mode === 'publish' && o.publish) result = await o.publish(result)
      const toast = typeof o.successToast === 'function' ? o.successToast(result, mode) : o.successToast
      if (toast) toastSuccess(toast)
      if (o.then) {
        const then = o.then
        if (o.delayMs) setTimeout(() => then(result, mode), o.delayMs)
        else then(result, mode)
      }
      return { ok: true, result }
    } catch (e) {
      const fields = isApiError(e) ? e.fields : []
      if (fields.length) {
        const map = toFieldErrorMap(fields)
        setErrors(map)
        o.onInvalid?.(map)
      }
      if (o.onError) o.onError(e, { saved, mode })
      // No network: say so, and that what was typed is still here (the form keeps its values).
      else if (isApiError(e) && e.code === ErrorCodes.network) toastText(OFFLINE_MESSAGE)
      else toastText(errorMessage(e))
      return { ok: false, invalid: false, error: e }
    } finally {
      busyRef.current = false
      setBusy(null)
    }
  }, [])

  return { errors, setErrors, clear, busy, run }
}
