import { rmSync } from 'node:fs'

export default async function globalTeardown(): Promise<void> {
  const runtime = globalThis.__CY_RUNTIME__
  if (!runtime) return
  runtime.child.kill('SIGTERM')
  await new Promise((r) => setTimeout(r, 300))
  rmSync(runtime.dataDir, { recursive: true, force: true })
}
