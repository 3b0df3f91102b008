/**
 * Waiting for the local runtime started as a child process (browser tests, benches): it prints
 * `local runtime: <url>` once it listens; this resolves with that URL.
 */
import type { ChildProcess } from 'node:child_process'

/**
 * The URL the runtime `child` printed once it listens. Rejects with everything it printed when it
 * exits first or stays silent for `timeoutMs`. `onOutput` sees every chunk, also after the start.
 */
export function runtimeUrl(child: ChildProcess, options: { timeoutMs?: number; onOutput?: (chunk: string) => void } = {}): Promise<string> {
  return new Promise<string>((ok, fail) => {
    let out = ''
    const timer = setTimeout(() => fail(new Error(`local runtime did not start:\n${out}`)), options.timeoutMs ?? 60000)
    const onData = (chunk: Buffer) => {
      out += chunk.toString()
      options.onOutput?.(chunk.toString())
      const m = /local runtime: (http:\/\/[^\s]+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        ok(m[1])
      }
    }
    // Keeps reading after the start, so `onOutput` has what the runtime logs later (and its pipes never fill).
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.on('exit', (code) => fail(new Error(`local runtime exited with ${code}:\n${out}`)))
  })
}
