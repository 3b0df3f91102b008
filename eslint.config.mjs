// @ts-check
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
)
