import { can, type Permission, PERMISSIONS, ROLE_LABELS, ROLE_PERMISSIONS, STAFF_ROLES } from '../domain/roles'
import { ORG_LEVEL_LABELS } from '../domain/org'
import type { ActionMap } from './action'

/** Where the generated table sits in the README (between these markers, nothing else). */
export const ACCESS_TABLE_START = '<!-- access-table:start (generated from the action declarations: npx tsx scripts/readme-access.ts) -->'
export const ACCESS_TABLE_END = '<!-- access-table:end -->'
/** Where the role × permission matrix sits in the README's "Roles and permissions". */
export const PERMISSION_MATRIX_START = '<!-- permission-matrix:start (generated from ROLE_PERMISSIONS and the action declarations: npx tsx scripts/readme-access.ts) -->'
export const PERMISSION_MATRIX_END = '<!-- permission-matrix:end -->'

/**
 * The role × permission matrix (`ROLE_PERMISSIONS`, one row per permission in `PERMISSIONS`
 * order), with the actions that declare each permission: on the action (`permission`) or in an
 * input rule (`rules`, marked with *).
 */
export function permissionMatrixTable(functions: Record<string, ActionMap>): string {
  const declaring = new Map<Permission, string[]>()
  const add = (p: Permission, name: string) => declaring.set(p, [...(declaring.get(p) ?? []), name])
  for (const fn of Object.keys(functions).sort()) {
    for (const name of Object.keys(functions[fn]).sort()) {
      const a = functions[fn][name]
      if (a.permission) add(a.permission, `\`${fn}.${name}\``)
      for (const rule of a.rules ?? []) if (rule.access === 'staff' && rule.permission) add(rule.permission, `\`${fn}.${name}\`*`)
    }
  }
  return [
    PERMISSION_MATRIX_START,
    `| permission | ${STAFF_ROLES.join(' | ')} | declared by |`,
    `|---|${STAFF_ROLES.map(() => ':-:').join('|')}|---|`,
    ...PERMISSIONS.map((p) => `| \`${p}\` | ${STAFF_ROLES.map((r) => (ROLE_PERMISSIONS[r].includes(p) ? '✓' : '–')).join(' | ')} | ${(declaring.get(p) ?? []).join(' ')} |`),
    PERMISSION_MATRIX_END,
  ].join('\n')
}

/**
 * Who may call what, derived from the action declarations (`access`, `permission`): one row per
 * kind of caller, listing `function.action`s, then one row per input-dependent rule (`rules`).
 * Staff actions without a declared permission are open to every staff role (their own jobs, the
 * mentor list) or gated by a rule.
 */
export function accessTable(functions: Record<string, ActionMap>): string {
  const groups = new Map<string, string[]>()
  const add = (who: string, name: string) => groups.set(who, [...(groups.get(who) ?? []), name])
  for (const fn of Object.keys(functions).sort()) {
    for (const name of Object.keys(functions[fn]).sort()) {
      const a = functions[fn][name]
      const who =
        a.access === 'any'
          ? 'any signed-in caller'
          : a.access === 'resident'
            ? 'residents'
            : a.permission
              ? `staff with \`${a.permission}\``
              : 'staff (any role, unless a rule below asks more)'
      add(who, `${fn}.${name}`)
      // Access that depends on the input: a row of its own, saying for which inputs.
      for (const rule of a.rules ?? []) {
        const kind =
          rule.access === 'resident' ? 'residents' : rule.permission ? `staff with \`${rule.permission}\`` : rule.manages ? 'staff whose role outranks' : 'staff'
        const need = rule.access === 'staff' && rule.levels ? `${kind} of a ${rule.levels.map((l) => ORG_LEVEL_LABELS[l]).join(' or ')}` : kind
        add(`${need}, for ${rule.on}`, `${fn}.${name}`)
      }
    }
  }
  const order = (who: string) => (who.includes(', for ') ? 4 : who.startsWith('any') ? 0 : who.startsWith('residents') ? 1 : who.startsWith('staff (') ? 2 : 3)
  const rows = [...groups.entries()].sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
  const roles = (who: string) => {
    const p = /`([a-z]+\.[a-z]+)`/.exec(who)?.[1]
    return p ? STAFF_ROLES.filter((r) => can(r, p as Parameters<typeof can>[1])).map((r) => ROLE_LABELS[r]).join('、') : ''
  }
  return [
    ACCESS_TABLE_START,
    '| who | roles | actions |',
    '|---|---|---|',
    ...rows.map(([who, names]) => `| ${who} | ${roles(who)} | ${names.map((n) => `\`${n}\``).join(' ')} |`),
    ACCESS_TABLE_END,
  ].join('\n')
}

/** `text` with what lies between `start` and `end` (markers included) replaced by `table`. */
function between(text: string, start: string, end: string, table: string): string {
  const a = text.indexOf(start)
  const b = text.indexOf(end)
  if (a < 0 || b < a) throw new Error(`README has no ${start.slice(5, 30)}… markers`)
  return text.slice(0, a) + table + text.slice(b + end.length)
}

/** The README with both generated tables (permission matrix, who may call what) written anew. */
export function withAccessTables(readme: string, functions: Record<string, ActionMap>): string {
  const matrix = between(readme, PERMISSION_MATRIX_START, PERMISSION_MATRIX_END, permissionMatrixTable(functions))
  return between(matrix, ACCESS_TABLE_START, ACCESS_TABLE_END, accessTable(functions))
}
