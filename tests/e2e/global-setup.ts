import { startRuntime } from './runtime'

declare global {
  var __CY_RUNTIME__: Awaited<ReturnType<typeof startRuntime>> | undefined
}

export default async function globalSetup(): Promise<void> {
  const runtime = await startRuntime()
  globalThis.__CY_RUNTIME__ = runtime
  process.env.E2E_BASE_URL = runtime.url
}
