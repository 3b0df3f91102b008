// @ts-check
import path from 'node:path'
import tseslint from 'typescript-eslint'

const SERVER_ONLY = [
  { group: ['**/_shared/store', '**/_shared/store/**', '@shared/store/**'], message: 'The client talks to the store only through a cloud function.' },
  { group: ['**/_shared/runtime/**', '@shared/runtime/**', '**/_shared/testing/**', '@shared/testing/**'], message: 'Server-only code.' },
  { group: ['**/server/**', '**/cloudfunctions/*/actions/**', '**/cloudfunctions/*/index'], message: 'Server-only code.' },
  { group: ['better-sqlite3', '@cloudbase/node-sdk', 'fastify', '@fastify/*', 'node:*', 'fs', 'path', 'crypto', 'child_process'], message: 'Not available in the mini-program.' },
]

const IO = [
  { group: ['**/store/**', '**/runtime/**', '**/contracts/**', '**/testing/**'], message: 'The domain is pure: types and rules only.' },
  { group: ['better-sqlite3', '@cloudbase/*', 'fastify', 'node:*', 'fs', 'path', 'http', 'https', 'child_process', 'valibot', '@tarojs/*'], message: 'The domain does no I/O.' },
]

const FUNCTIONS = path.resolve(import.meta.dirname, 'cloudfunctions')

/** The cloud function folder a file belongs to (`_shared` included), or null outside `cloudfunctions/`. */
function functionFolder(file) {
  const rel = path.relative(FUNCTIONS, file)
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null
  const [first, ...rest] = rel.split(path.sep)
  return rest.length ? first : null
}

/**
 * No reach between functions: a function's folder imports its own files and `_shared`, never
 * another function's folder (its bundle and behaviour would depend on code that looks private to
 * that function); `_shared` imports no function at all. Code two functions share moves to
 * `_shared` (application services in `_shared/application`, ports and adapters in their own
 * folders). Tests (`__tests__`) are exempt: they may import another function's action map or
 * fixtures to set up data, which ships in no bundle.
 */
const noReachBetweenFunctions = {
  meta: { type: 'problem', schema: [], messages: { reach: "'{{spec}}' is inside the {{target}} function; a function imports only its own folder and _shared (move shared code to _shared)." } },
  create(context) {
    const file = context.filename
    const own = functionFolder(file)
    if (!own || file.split(path.sep).includes('__tests__')) return {}
    const check = (node) => {
      const spec = node.source && node.source.value
      if (typeof spec !== 'string' || !spec.startsWith('.')) return
      const target = functionFolder(path.resolve(path.dirname(file), spec))
      if (target && target !== own && target !== '_shared') context.report({ node: node.source, messageId: 'reach', data: { spec, target } })
    }
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check }
  },
}

// A page path is written once, in the page map; everything else builds it with pageUrl/pagePath.
const PAGE_PATH = /pages.[a-z0-9-]+.index/.source
const PAGE_PATH_MESSAGE = 'Page paths live in cloudfunctions/_shared/domain/pages.ts: use pageUrl/pagePath (or the routes built from them).'
const NO_LITERAL_PAGE_PATHS = [
  'error',
  { selector: `Literal[value=/${PAGE_PATH}/]`, message: PAGE_PATH_MESSAGE },
  { selector: `TemplateElement[value.raw=/${PAGE_PATH}/]`, message: PAGE_PATH_MESSAGE },
]

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs', 'scripts/__tests__/fixtures/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  // One-way imports: the client never reaches server-only code.
  { files: ['src/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', { patterns: SERVER_ONLY }] } },
  // One way to make a typed call from a page: pages, components and hooks call a function of
  // `src/services/<feature>/`, which alone uses `call(fn, action, input)`.
  {
    files: ['src/{pages,staff,components,hooks,utils}/**/*.{ts,tsx}', 'src/app.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...SERVER_ONLY,
            { group: ['**/services/core/cloud', '**/services/core/cloud-core'], importNames: ['call', 'makeCall'], message: 'Call actions through a function in src/services/<feature>/ (the one way to make a typed call).' },
          ],
        },
      ],
    },
  },
  // …except the typed call's one `import type { Functions } from '../../../server/functions'`:
  // types only (erased by Babel, so no server code reaches a bundle), in this one file.
  {
    files: ['src/services/core/cloud-core.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: SERVER_ONLY.map((p) => (p.group.includes('**/server/**') ? { ...p, allowTypeImports: true } : p)) },
      ],
    },
  },
  // The domain imports nothing with I/O.
  { files: ['cloudfunctions/_shared/domain/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: IO }] } },
  // Contracts are shared with the client: domain and the schema library only.
  { files: ['cloudfunctions/_shared/contracts/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: SERVER_ONLY }] } },
  // Actions see the store port, never an adapter: adapters are bound in composition roots.
  {
    files: ['cloudfunctions/*/actions/*.ts', 'cloudfunctions/*/*.ts'],
    ignores: ['cloudfunctions/*/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/store/sqlite/**', '**/store/cloudbase/**', 'better-sqlite3', '@cloudbase/node-sdk'], message: 'Actions use the store port; adapters are bound in composition roots.' }] },
      ],
    },
  },
  // No reach between functions (tests exempt: see the rule).
  {
    files: ['cloudfunctions/**/*.ts'],
    plugins: { boundaries: { rules: { 'no-reach-between-functions': noReachBetweenFunctions } } },
    rules: { 'boundaries/no-reach-between-functions': 'error' },
  },
  // One page map: no literal page paths outside it (tests may spell out what they expect).
  {
    files: ['src/**/*.{ts,tsx}', 'cloudfunctions/**/*.ts', 'server/**/*.ts'],
    ignores: ['cloudfunctions/_shared/domain/pages.ts', '**/__tests__/**'],
    rules: { 'no-restricted-syntax': NO_LITERAL_PAGE_PATHS },
  },
)
