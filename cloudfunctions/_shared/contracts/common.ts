import * as v from 'valibot'
import { isIsoDate } from '../domain/time'

/** A document id as the client may send it. */
export const idSchema = v.pipe(
  v.string('缺少编号'),
  v.trim(),
  v.minLength(1, '缺少编号'),
  v.maxLength(64, '编号过长'),
  v.regex(/^[A-Za-z0-9_-]+$/, '编号格式不对'),
)

/** A paging cursor returned by a previous page. */
export const cursorSchema = v.optional(v.nullable(v.pipe(v.string(), v.maxLength(1000, '分页参数过长'))))

export const limitSchema = v.optional(
  v.pipe(v.number('每页条数应为数字'), v.integer('每页条数应为整数'), v.minValue(1, '每页至少 1 条'), v.maxValue(50, '每页最多 50 条')),
  20,
)

/**
 * A form's prompt rather than an answer: what a picker or an empty field shows before anything is
 * chosen or typed (请选择社区, 请输入姓名, 请填写…, 选填, 未选择, --). A client that copies the shown
 * text into the value (a picker's label, a placeholder taken for input) would otherwise store it.
 */
const PLACEHOLDER = /^(请(选择|输入|填写)\S{0,14}|选填|必填|未选择|未填写|-{2,}|—+)$/

export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value.trim())
}

/** Longest field `text()` checks for a prompt: names, titles, times, places, not free-text bodies. */
const SHORT_FIELD = 80

/**
 * Trimmed text between `min` and `max` characters, with a resident-readable message. A short
 * field (≤ 80 characters: names, titles, places) refuses a form prompt as its value, named as
 * the field left empty; long free text (a complaint may start with 请填写…) is not judged.
 */
export function text(label: string, min: number, max: number) {
  return v.pipe(
    v.string(`请填写${label}`),
    v.trim(),
    v.minLength(min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`),
    v.maxLength(max, `${label}最多 ${max} 个字`),
    v.check((s) => max > SHORT_FIELD || !isPlaceholder(s), `请填写${label}`),
  )
}

/** A list of short text items, e.g. materials or process steps. */
export function textList(label: string, minItems: number, maxItems: number, maxLength: number) {
  return v.pipe(
    v.array(text(label, 1, maxLength), `请填写${label}`),
    v.minLength(minItems, `请至少填写 ${minItems} 条${label}`),
    v.maxLength(maxItems, `${label}最多 ${maxItems} 条`),
  )
}

export const isoDateSchema = v.pipe(
  v.string('请选择日期'),
  // An untouched date picker sends '' (or its prompt): say to choose one, not that the format is off.
  v.check((s) => s.trim() !== '' && !isPlaceholder(s), '请选择日期'),
  v.check((s) => s.trim() === '' || isPlaceholder(s) || isIsoDate(s), '日期格式应为 年-月-日'),
)

/** A page of results with a cursor for the next one. */
export interface PageOf<T> {
  items: T[]
  next: string | null
}

/** One field in error, as the runtime reports it and forms show it. */
export interface FieldError {
  path: string
  message: string
  /** The record the error points to, e.g. the existing case a duplicate registration would repeat. */
  ref?: string
}

/** Flattens schema issues to dotted field paths (`contact.phone`, `materials.0`). */
export function issuesToFields(issues: readonly v.BaseIssue<unknown>[]): FieldError[] {
  const out: FieldError[] = []
  for (const issue of issues) {
    const path = (issue.path ?? []).map((p) => String((p as { key: unknown }).key)).join('.')
    if (!out.some((f) => f.path === path)) out.push({ path: path || '(root)', message: issue.message })
  }
  return out
}

/** Validates on the client or the server alike; returns the parsed value or the field errors. */
export function check<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
): { ok: true; value: v.InferOutput<S> } | { ok: false; fields: FieldError[] } {
  const result = v.safeParse(schema, input)
  return result.success ? { ok: true, value: result.output } : { ok: false, fields: issuesToFields(result.issues) }
}

/** The version an edit started from (optional: a new record has none; see `versionWhenEditing`). */
export const editVersionSchema = v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)))

/**
 * A save form's rule: an edit (input with an `id`) names the version it started from, so a stale
 * edit is refused instead of overwriting someone else's; a new record (no `id`) has none.
 */
export function versionWhenEditing<T extends { id?: string; version?: number }>() {
  // `v.forward(v.check(…), ['version'])` spelled out: forward cannot check a path on a generic input.
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed || dataset.value.id === undefined || dataset.value.version !== undefined) return
    addIssue({ message: '缺少版本号', path: [{ type: 'unknown', origin: 'value', input: dataset.value, key: 'version', value: undefined }] })
  })
}
