/**
 * Browser test files run in path order, or shuffled with `E2E_SHUFFLE=1` (seed from
 * `E2E_SEED`, printed so a failing order can be replayed). Each file has its own runtime and
 * data directory (per-file-runtime.ts), so the order must not matter.
 */
const Sequencer = require('@jest/test-sequencer').default

class E2ESequencer extends Sequencer {
  sort(tests) {
    const sorted = [...tests].sort((a, b) => a.path.localeCompare(b.path))
    if (process.env.E2E_SHUFFLE !== '1') return sorted
    let seed = Number(process.env.E2E_SEED || Date.now() % 2147483647)
    console.log(`E2E_SHUFFLE seed ${seed}`)
    const rand = () => ((seed = (seed * 48271) % 2147483647) / 2147483647)
    for (let i = sorted.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1))
      ;[sorted[i], sorted[j]] = [sorted[j], sorted[i]]
    }
    return sorted
  }
}

module.exports = E2ESequencer
