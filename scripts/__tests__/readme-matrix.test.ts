import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { permissionMatrix, STAFF_ROLES } from '../../cloudfunctions/_shared/domain/roles'
import {
  ACCESS_TABLE_END,
  ACCESS_TABLE_START,
  accessTable,
  PERMISSION_MATRIX_END,
  PERMISSION_MATRIX_START,
  permissionMatrixTable,
} from '../../cloudfunctions/_shared/runtime/access-table'
import { FUNCTIONS } from '../../server/functions'

/** The README's permission table is the code's matrix, cell for cell. */
it('the README permission matrix matches roles.ts', () => {
  const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8')
  const header = `| permission | ${STAFF_ROLES.join(' | ')} |`
  const start = readme.indexOf(header)
  expect(start).toBeGreaterThan(-1)
  const rows = readme
    .slice(start)
    .split('\n')
    .slice(2)
    .filter((l, i, all) => l.startsWith('| `') && all.slice(0, i).every((x) => x.startsWith('| `')))
  const inReadme = new Map(
    rows.map((r) => {
      const cells = r.split('|').slice(1, -1).map((c) => c.trim())
      return [cells[0].replace(/`/g, ''), STAFF_ROLES.filter((_, i) => cells[i + 1] === '✓')]
    }),
  )
  const matrix = permissionMatrix()
  const perms = [...new Set(matrix.flatMap((r) => r.permissions))]
  expect([...inReadme.keys()].sort()).toEqual([...perms].sort())
  for (const p of perms) {
    expect({ p, roles: inReadme.get(p) }).toEqual({ p, roles: STAFF_ROLES.filter((r) => matrix.find((m) => m.role === r)!.permissions.includes(p)) })
  }
})

/** The README's role × permission matrix is generated from ROLE_PERMISSIONS and the declarations; stale fails. */
it('the README permission matrix is the generated one (regenerate: npx tsx scripts/readme-access.ts)', () => {
  const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8')
  const start = readme.indexOf(PERMISSION_MATRIX_START)
  const end = readme.indexOf(PERMISSION_MATRIX_END)
  expect(start).toBeGreaterThan(-1)
  expect(end).toBeGreaterThan(start)
  // It sits in "Roles and permissions".
  expect(readme.lastIndexOf('### Roles and permissions', start)).toBeGreaterThan(readme.lastIndexOf('\n## ', start))
  expect(readme.slice(start, end + PERMISSION_MATRIX_END.length)).toBe(permissionMatrixTable(FUNCTIONS))
  // Derived, not copied: a role's permission and an action's declaration both show in it.
  const table = permissionMatrixTable(FUNCTIONS)
  expect(table).toMatch(/\| `org\.write` \| – \| – \| – \| – \| – \| ✓ \| `maintenance\.retention` `org\.saveOrg` \|/)
  const redeclared = { ...FUNCTIONS, policy: { ...FUNCTIONS.policy, save: { ...FUNCTIONS.policy.save, permission: 'policy.publish' as const } } }
  expect(permissionMatrixTable(redeclared)).not.toBe(table)
})

/** The README's who-may-call-what table is generated from the action declarations; stale fails. */
it('the README access table matches the action declarations (regenerate: npx tsx scripts/readme-access.ts)', () => {
  const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8')
  const start = readme.indexOf(ACCESS_TABLE_START)
  const end = readme.indexOf(ACCESS_TABLE_END)
  expect(start).toBeGreaterThan(-1)
  expect(readme.slice(start, end + ACCESS_TABLE_END.length)).toBe(accessTable(FUNCTIONS))
  // It is derived, not copied: a declared permission shows up in its row.
  expect(accessTable(FUNCTIONS)).toMatch(/\| staff with `policy\.publish` \| .* \| `notify\.push` `notify\.pushStatus` `policy\.archive` `policy\.publish` \|/)
  const changed = { ...FUNCTIONS, policy: { ...FUNCTIONS.policy, save: { ...FUNCTIONS.policy.save, permission: 'policy.publish' as const } } }
  expect(accessTable(changed)).not.toBe(accessTable(FUNCTIONS))
})
