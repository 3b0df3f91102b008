/** Browser tests: Debian's Chromium driven by playwright-core against the real local runtime. */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }] },
  // Each file starts its own runtime on a fresh data directory: files stand alone, in any order.
  setupFilesAfterEnv: ['<rootDir>/tests/e2e/per-file-runtime.ts'],
  testSequencer: '<rootDir>/tests/e2e/sequencer.js',
  maxWorkers: 1,
  testTimeout: 120000,
}
