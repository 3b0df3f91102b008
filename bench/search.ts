/**
 * Search quality on the 30+ plain questions written from the seeds while tuning, and on the
 * held-out 16 written before their first run (server/search-questions.ts):
 * the demo data seeded into a fresh store, a 金沙社区 resident asking each question through the
 * real `service.search`, a hit when every expected item is in the top three. Also the store
 * reads per search (counting adapter) and the time per search. Runs alone:
 * `npx tsx bench/search.ts` prints the table.
 */
import { measureSearchQuality } from '../server/search-quality'
import { HELD_OUT_QUESTIONS } from '../server/search-questions'
import { countingStore, type OpCount } from './counting-store'

export async function searchQualityBench(): Promise<{ rows: string[]; ok: boolean }> {
  const n: OpCount = { reads: 0, writes: 0 }
  const r = await measureSearchQuality((s) => countingStore(s, n), n)
  const held = await measureSearchQuality(undefined, undefined, HELD_OUT_QUESTIONS)
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`
  const rows = [
    '| measure | value |',
    '|---|---:|',
    `| tuning set: questions written while the lexicon was tuned | ${r.questions} |`,
    `| **tuning set top-3 hit rate** (goal ≥ 90%; a regression guard) | **${pct(r.rate)}** (${r.hits} / ${r.questions}) |`,
    `| held-out set: questions written from the seeds' wording before their first run, unchanged since | ${held.questions} |`,
    `| **held-out top-3 hit rate** (goal ≥ 90%; the honest figure) | **${pct(held.rate)}** (${held.hits} / ${held.questions}) |`,
    `| expired, draft or other-district items shown (both sets) | ${[...r.leaked, ...held.leaked].length ? `**${[...r.leaked, ...held.leaked].join(", ")}**` : "none"} |`,
    `| store reads per search (max over the set; caller, resident place, one index query) | ${r.maxReads} |`,
    `| time per search, median / worst (in process, SQLite) | ${r.p50Ms.toFixed(1)} ms / ${r.maxMs.toFixed(1)} ms |`,
    ...[...r.misses, ...held.misses].flatMap((m, i) => [...(i === 0 ? ['', 'Misses:', ''] : []), `- ${m.q}: wanted ${m.wanted.join(', ')}, top three ${m.got.join(', ') || '(none)'}`]),
    '',
    'The held-out set (server/search-questions.ts `HELD_OUT_QUESTIONS`, 16 questions) was committed before it was first run',
    '(16 / 16 on that first run, with no lexicon change) and is kept unchanged: a miss there is fixed in the lexicon or the',
    'synonyms from words residents or the seeds use, never by editing the question.',
  ]
  return { rows, ok: r.rate >= 0.9 && held.rate >= 0.9 && r.leaked.length === 0 && held.leaked.length === 0 }
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
