/** Unit, action, store-contract and runtime tests: everything in a `__tests__/` folder. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/cloudfunctions', '<rootDir>/server', '<rootDir>/src', '<rootDir>/scripts'],
  testMatch: ['**/__tests__/**/*.test.ts?(x)'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' } }] },
  moduleNameMapper: { '^@shared/(.*)$': '<rootDir>/cloudfunctions/_shared/$1', '^@/(.*)$': '<rootDir>/src/$1' },
  // cookie@2 (via fastify's light-my-request) ships ESM only; let swc turn it into CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!cookie/)'],
  testTimeout: 30000,
  // Jest's default is one worker fewer than the cores: on the 2-core CI machine that is 1, so the
  // files ran one after another in the parent process. Every core gets a worker instead; the files
  // are independent (each its own in-memory store, temporary folder, port 0, pid-suffixed dist/
  // folders), so they can run side by side.
  maxWorkers: '100%',
}
