/**
 * Writes the README's two generated access tables from the declarations: the role × permission
 * matrix in "Roles and permissions" (`permissionMatrixTable`: ROLE_PERMISSIONS and the actions
 * declaring each permission) and "who may call what" in "How it is built" (`accessTable`).
 * scripts/__tests__/readme-matrix.test.ts fails when either is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import {
  ACCESS_TABLE_END,
  ACCESS_TABLE_START,
  accessTable,
  PERMISSION_MATRIX_END,
  PERMISSION_MATRIX_START,
  permissionMatrixTable,
} from '../cloudfunctions/_shared/runtime/access-table'
import { FUNCTIONS } from '../server/functions'

/** `text` with what lies between `start` and `end` (markers included) replaced by `table`. */
function between(text: string, start: string, end: string, table: string): string {
  const a = text.indexOf(start)
  const b = text.indexOf(end)
  if (a < 0 || b < a) throw new Error(`README has no ${start.slice(5, 30)}… markers`)
  return text.slice(0, a) + table + text.slice(b + end.length)
}

const file = resolve(__dirname, '../README.md')
let readme = readFileSync(file, 'utf8')
readme = between(readme, PERMISSION_MATRIX_START, PERMISSION_MATRIX_END, permissionMatrixTable(FUNCTIONS))
readme = between(readme, ACCESS_TABLE_START, ACCESS_TABLE_END, accessTable(FUNCTIONS))
writeFileSync(file, readme)
console.log('README permission matrix and access table written')
