import type { FieldError } from '@shared/contracts/common'

/** Field messages by dotted path (`title`, `contact.phone`, `materials.0`). */
export type FieldErrorMap = Record<string, string>

export function toFieldErrorMap(fields: readonly FieldError[]): FieldErrorMap {
  const map: FieldErrorMap = {}
  for (const f of fields) if (!(f.path in map)) map[f.path] = f.message
  return map
}

/** Messages of a list field's rows: `materials.3` → `{ 3: message }`. */
export function rowErrors(map: FieldErrorMap, field: string): Record<number, string> {
  const out: Record<number, string> = {}
  const prefix = `${field}.`
  for (const [path, message] of Object.entries(map)) {
    if (!path.startsWith(prefix)) continue
    const index = Number(path.slice(prefix.length).split('.')[0])
    if (Number.isInteger(index) && !(index in out)) out[index] = message
  }
  return out
}

/** Removes the message of `path` and of everything under it, once the user edits that field. */
export function clearField(map: FieldErrorMap, path: string): FieldErrorMap {
  const next: FieldErrorMap = {}
  for (const [p, m] of Object.entries(map)) if (p !== path && !p.startsWith(`${path}.`)) next[p] = m
  return next
}
