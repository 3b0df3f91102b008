/**
 * Search quality on the 30+ plain questions written from the seeds (server/search-questions.ts):
 * the demo data seeded into a fresh store, a 金沙社区 resident asking each question through the
 * real `service.search`, a hit when every expected item is in the top three. Also the store
 * reads per search (counting adapter) and the time per search. Runs alone:
 * `npx tsx bench/search.ts` prints the table.
 */
import { measureSearchQuality } from '../server/search-quality'
import { countingStore, type OpCount } from './counting-store'

export async function searchQualityBench(): Promise<{ rows: string[]; ok: boolean }> {
  const n: OpCount = { reads: 0, writes: 0 }
  const r = await measureSearchQuality((s) => countingStore(s, n), n)
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`
  const rows = [
    '| measure | value |',
    '|---|---:|',
    `| questions | ${r.questions} |`,
    `| **top-3 hit rate** (goal ≥ 90%) | **${pct(r.rate)}** (${r.hits} / ${r.questions}) |`,
    `| expired, draft or other-district items shown | ${r.leaked.length ? `**${r.leaked.join(', ')}**` : 'none'} |`,
    `| store reads per search (max over the set; caller, resident place, one index query) | ${r.maxReads} |`,
    `| time per search, median / worst (in process, SQLite) | ${r.p50Ms.toFixed(1)} ms / ${r.maxMs.toFixed(1)} ms |`,
    ...(r.misses.length ? ['', 'Misses:', '', ...r.misses.map((m) => `- ${m.q}: wanted ${m.wanted.join(', ')}, top three ${m.got.join(', ') || '(none)'}`)] : []),
  ]
  return { rows, ok: r.rate >= 0.9 && r.leaked.length === 0 }
}

if (require.main === module) {
  searchQualityBench()
    .then(({ rows, ok }) => {
      process.stdout.write(`${rows.join('\n')}\n`)
      if (!ok) process.exitCode = 1
    })
    .catch((err) => {
      console.error(err)
      process.exit(1)
    })
}
