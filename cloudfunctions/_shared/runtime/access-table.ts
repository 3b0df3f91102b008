import { ROLE_LABELS, STAFF_ROLES, can } from '../domain/roles'
import type { ActionMap } from './action'

/** Where the generated table sits in the README (between these markers, nothing else). */
export const ACCESS_TABLE_START = '<!-- access-table:start (generated from the action declarations: npx tsx scripts/readme-access.ts) -->'
export const ACCESS_TABLE_END = '<!-- access-table:end -->'

/**
 * Who may call what, derived from the action declarations (`access`, `permission`): one row per
 * kind of caller, listing `function.action`s, then one row per input-dependent rule (`rules`). Staff actions without a declared permission still
 * check the role in the handler (most through `loadInScope`, whose 404 must come before the 403).
 */
export function accessTable(functions: Record<string, ActionMap>): string {
  const groups = new Map<string, string[]>()
  const add = (who: string, name: string) => groups.set(who, [...(groups.get(who) ?? []), name])
  for (const fn of Object.keys(functions).sort()) {
    for (const name of Object.keys(functions[fn]).sort()) {
      const a = functions[fn][name]
      const who =
        a.access === 'any' ? 'any signed-in caller' : a.access === 'resident' ? 'residents' : a.permission ? `staff with \`${a.permission}\`` : 'staff (role and scope still checked in the handler)'
      add(who, `${fn}.${name}`)
      // Access that depends on the input: a row of its own, saying for which inputs.
      for (const rule of a.rules ?? []) {
        const need =
          rule.access === 'resident' ? 'residents' : rule.permission ? `staff with \`${rule.permission}\`` : rule.manages ? 'staff whose role outranks' : 'staff'
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
