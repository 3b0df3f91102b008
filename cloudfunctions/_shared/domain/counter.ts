/**
 * A per-org, per-period counter document (DESIGN.md "Aggregates"): id `<orgId>:<period>`, one
 * numeric field per metric. Writes that move an index increment it in the same transaction, so
 * a dashboard is one read; upper levels sum their children's documents, never average ratios.
 */
export interface Counter {
  _id: string
  orgId: string
  period: string
  [metric: string]: string | number
}

export function counterId(orgId: string, period: string): string {
  return `${orgId}:${period}`
}
