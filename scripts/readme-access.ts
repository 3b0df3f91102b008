/**
 * Writes the README's two generated access tables from the declarations: the role × permission
 * matrix in "Roles and permissions" (`permissionMatrixTable`: ROLE_PERMISSIONS and the actions
 * declaring each permission) and "who may call what" in "How it is built" (`accessTable`).
 * scripts/__tests__/readme-matrix.test.ts fails when either is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { withAccessTables } from '../cloudfunctions/_shared/runtime/access-table'
import { FUNCTIONS } from '../server/functions'

const file = resolve(__dirname, '../README.md')
writeFileSync(file, withAccessTables(readFileSync(file, 'utf8'), FUNCTIONS))
console.log('README permission matrix and access table written')
