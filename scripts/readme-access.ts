/**
 * Writes the README's "who may call what" table from the action declarations
 * (`accessTable`); scripts/__tests__/readme-matrix.test.ts fails when it is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { ACCESS_TABLE_END, ACCESS_TABLE_START, accessTable } from '../cloudfunctions/_shared/runtime/access-table'
import { FUNCTIONS } from '../server/functions'

const file = resolve(__dirname, '../README.md')
const readme = readFileSync(file, 'utf8')
const start = readme.indexOf(ACCESS_TABLE_START)
const end = readme.indexOf(ACCESS_TABLE_END)
if (start < 0 || end < start) throw new Error('README has no access-table markers')
writeFileSync(file, readme.slice(0, start) + accessTable(FUNCTIONS) + readme.slice(end + ACCESS_TABLE_END.length))
console.log('README access table written')
