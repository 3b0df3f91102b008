/**
 * `npm run bench` part: the SIGKILL loop (bench/kill-loop.ts) for TRIALS rounds on a fresh data
 * dir, reported as acknowledged, lost, duplicated and counter drift. Run alone with
 * `npx tsx bench/sigkill.ts [trials]`.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { bundleRuntime, killLoop, type KillLoopResult } from './kill-loop'

export const SIGKILL_TRIALS = 25

export async function sigkillLoop(trials = SIGKILL_TRIALS): Promise<KillLoopResult & { rows: string[] }> {
  const out = join(resolve(__dirname, '..'), 'dist', `bench-sigkill-${process.pid}`)
  const dataDir = mkdtempSync(join(tmpdir(), 'cy-bench-sigkill-'))
  try {
    const serverJs = await bundleRuntime(out)
    const r = await killLoop({ serverJs, dataDir, trials, seed: 11 })
    const bad = r.trials.filter((t) => t.integrity !== 'ok').length
    const last = r.trials[r.trials.length - 1]
    const rows = [
      '| measure | value |',
      '|---|---:|',
      `| trials (SIGKILL at a random moment 60–300 ms into a burst of 8 writers) | ${r.trials.length} |`,
      `| writes attempted (profile saves; event sign-ups and survey answers, half of these two sent twice at once) | ${r.attempted.toLocaleString('en')} |`,
      `| **acknowledged** (answered 200) | **${r.acknowledged.toLocaleString('en')}** |`,
      `| of which profile saves / sign-ups / survey answers | ${[r.acknowledgedByKind.profiles, r.acknowledgedByKind.signups, r.acknowledgedByKind.answers].map((x) => x.toLocaleString('en')).join(' / ')} |`,
      `| **lost** (acknowledged, absent after the kill) | **${r.lost}** |`,
      `| **duplicated** (a resident signed up twice; a survey answer applied twice, or without its one device slot) | **${r.duplicated}** |`,
      `| **counter drift** (reconciliation dry run + the event's own counts + the survey's tally, summed over trials) | **${r.drift}** |`,
      `| integrity_check failures | ${bad} |`,
      `| after the last kill: event confirmed / waitlisted, survey responses | ${last ? `${last.eventCounts.confirmed} / ${last.eventCounts.waiting}, ${last.surveyCounts.responses}` : '–'} |`,
      `| time | ${(r.ms / 1000).toFixed(1)} s |`,
    ]
    return { ...r, rows }
  } finally {
    rmSync(out, { recursive: true, force: true })
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (require.main === module) {
  sigkillLoop(Number(process.argv[2] ?? SIGKILL_TRIALS))
    .then((r) => {
      process.stdout.write(`${r.rows.join('\n')}\n`)
      if (r.lost || r.duplicated || r.drift) process.exitCode = 1
    })
    .catch((err) => {
      console.error(err)
      process.exit(1)
    })
}
