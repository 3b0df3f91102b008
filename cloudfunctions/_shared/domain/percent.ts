/**
 * A ratio (0.153) as a percentage for people: one decimal (15.3%), except a share too small to
 * show with one decimal, which keeps two significant digits (1 of 3000 → 0.033%, not 0.0%). Zero
 * is 0.0%; no ratio (no denominator) is —.
 */
export function percentText(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—'
  const pct = ratio * 100
  if (pct === 0 || Math.abs(pct) >= 0.05) return `${pct.toFixed(1)}%`
  return `${Number(pct.toPrecision(2))}%`
}
