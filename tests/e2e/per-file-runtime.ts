import { rmSync } from 'node:fs'
import { startRuntime } from './runtime'

/**
 * Every browser test file gets its own local runtime on its own fresh data directory, so no
 * file depends on what another wrote: any order passes (`E2E_SHUFFLE=1` runs the files in a
 * random order, printing the seed).
 */
let runtime: Awaited<ReturnType<typeof startRuntime>> | null = null

beforeAll(async () => {
  runtime = await startRuntime()
  process.env.E2E_BASE_URL = runtime.url
}, 90000)

afterAll(async () => {
  if (!runtime) return
  const { child, dataDir } = runtime
  runtime = null
  delete process.env.E2E_BASE_URL
  await new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
    setTimeout(() => {
      child.kill('SIGKILL')
      resolve()
    }, 5000).unref()
  })
  rmSync(dataDir, { recursive: true, force: true })
})
