/**
 * The ledger export as a job (`exportJob`): each chunk writes one complete .xlsx part of at most
 * PART_ROWS cases, in id order from the cursor, and saves it before the cursor moves.
 *
 * Why parts and not one workbook: an .xlsx is a zip whose sheet XML and central directory are
 * written at the end, so it cannot be appended to across calls, and a CloudBase function's /tmp
 * is not shared between instances. Assembling the parts into one file at the end would be the
 * same unbounded work in one call (50,000 rows took 24 s). So a large export is delivered as
 * numbered workbooks, each a full, masked ledger with the same columns; most scopes fit in one.
 */
import { createHash } from 'node:crypto'
import type * as v from 'valibot'
import type { ledgerExportInput } from '../_shared/contracts/intent'
import type { Case } from '../_shared/domain/case'
import { shanghaiDate } from '../_shared/domain/time'
import type { StaffCtx } from '../_shared/runtime/action'
import { defineJob } from '../_shared/runtime/jobs'
import { type Filter, where } from '../_shared/store/port'
import { toLedgerRow } from '../_shared/application/case'
import type { ExportParts } from '../_shared/files/export-files'
import { ledgerFilters, scopeFilter } from './scope'
import { type ExportRow, writeLedgerWorkbook } from '../_shared/files/workbook'
import { ledgerSummary } from '../_shared/application/ledger-summary'
import { periodsOf } from '../_shared/domain/period'

/** Cases per part: about 5 s to write on the bench machine, well inside one call's budget. */
export const PART_ROWS = 10_000

/** What an export job is fixed to when it starts: the checked scope and filter, as data. */
export interface ExportParams {
  query: Filter<Case>
  today: string
  fileName: string
  title: string
  /** More than one part expected: part titles and names carry their number. */
  split: boolean
  /** The org and period of the summary sheet (the first part carries it); absent on older jobs. */
  orgId?: string
  period?: string
}

/** The stored result: part references, turned into fresh links when someone looks. */
export interface StoredExport {
  fileName: string
  rows: number
  parts: { ref: string; rows: number; fileName: string }[]
}

interface ExportAcc {
  rows: number
  parts: { ref: string; rows: number }[]
}

/** The export of the caller's scope under `input`, checked now (scope, permission) and fixed for the job. */
export async function exportScope(ctx: StaffCtx, input: v.InferOutput<typeof ledgerExportInput>) {
  const caller = ctx.caller
  const now = ctx.now()
  const today = shanghaiDate(now)
  const { filter, community } = await scopeFilter(ctx, caller, input.communityId)
  const query = where.and<Case>(filter, ...ledgerFilters(input, today))
  const scopeName = community?.name ?? caller.org.name
  return {
    caller,
    query,
    today,
    org: community ?? caller.org,
    period: input.period ?? periodsOf(now).year,
    fileName: `帮扶台帐-${scopeName}-${today}.xlsx`,
    title: `${scopeName} 创业帮扶台帐（导出于 ${today}，${caller.staff.name}）`,
  }
}

export const toExportRow = (i: Case, today: string): ExportRow => ({ ...toLedgerRow(i, today), familySituation: i.familySituation, projectDescription: i.projectDescription })

/** A part's storage key: fixed by (job, part number), unguessable because the job id is. */
export function partKey(jobId: string, index: number): string {
  return createHash('sha256').update(`${jobId}:${index}`).digest('base64url').slice(0, 22)
}

export const partName = (params: ExportParams, index: number) => (params.split ? params.fileName.replace(/\.xlsx$/, `-第${index + 1}部分.xlsx`) : params.fileName)

export function makeExportJob(parts: () => ExportParts, partRows: number = PART_ROWS) {
  return defineJob<ExportParams, ExportAcc, StoredExport>({
    kind: 'ledgerExport',
    async chunk({ job, params, cursor, acc, store, now }) {
      const rows: Case[] = []
      let last = cursor
      const after = cursor ? where.and<Case>(params.query, where.gt('_id', cursor)) : params.query
      scan: for await (const batch of store.collection('cases').scan(after, 500)) {
        for (const i of batch) {
          if (rows.length >= partRows) break scan
          rows.push(i)
          last = i._id
        }
      }
      const finished = rows.length < partRows
      // An empty scope still gets one workbook (title and headers), as the one-call export did.
      if (rows.length === 0 && acc.parts.length > 0) return { cursor, acc, done: acc.rows, total: acc.rows, finished: true }
      const index = acc.parts.length
      const part = await parts().open(partKey(job._id, index), now)
      let ref: string
      try {
        const written = new Promise<void>((resolve, reject) => {
          part.stream.once('finish', resolve)
          part.stream.once('error', reject)
        })
        const title = params.split ? `${params.title}（第 ${index + 1} 部分）` : params.title
        const org = index === 0 && params.orgId && params.period ? await store.collection('orgs').get(params.orgId) : null
        const summary = org && params.period ? await ledgerSummary({ store }, org, params.period, params.today) : undefined
        await writeLedgerWorkbook(part.stream, (async function* () {
          yield rows
        })(), (i) => toExportRow(i, params.today), title, summary)
        await written
        ref = await part.save()
      } catch (err) {
        await part.discard()
        throw err
      }
      const next: ExportAcc = { rows: acc.rows + rows.length, parts: [...acc.parts, { ref, rows: rows.length }] }
      return { cursor: last, acc: next, done: next.rows, total: Math.max(job.total, next.rows), finished }
    },
    async finish({ params, acc }) {
      return { fileName: params.fileName, rows: acc.rows, parts: acc.parts.map((p, i) => ({ ...p, fileName: partName(params, i) })) }
    },
  })
}
