import type { AuditEntry } from '../../_shared/domain/audit'
import { auditInput, type AuditPage } from '../../_shared/contracts/org'
import { defineAction } from '../../_shared/runtime/action'
import { type Filter, where } from '../../_shared/store/port'
import { namedOrOwnOrg } from '../scope'

/** Shanghai midnight of a date, as the UTC instant audit times are stored in. */
const startOf = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString()

/**
 * The audit log of the caller's scope, newest first: a level sees its own records and those of
 * every org below it, never its superiors'. Reading the log is not itself audited.
 */
export const audit = defineAction({
  input: auditInput,
  access: 'staff',
  permission: 'audit.read',
  async run(input, ctx): Promise<AuditPage> {
    const root = await namedOrOwnOrg(ctx, input.orgId)
    const filters: Filter<AuditEntry>[] = [where.has('orgPath', root._id)]
    if (input.actorId) filters.push(where.eq('actorId', input.actorId))
    if (input.kind) filters.push(where.eq('kind', input.kind))
    if (input.result) filters.push(where.eq('result', input.result))
    if (input.from) filters.push(where.gte('at', startOf(input.from)))
    if (input.to) filters.push(where.lt('at', new Date(new Date(startOf(input.to)).getTime() + 86_400_000).toISOString()))
    const page = await ctx.store.collection('audit').find({
      where: where.and(...filters),
      orderBy: [{ field: 'at', dir: 'desc' }],
      limit: input.limit,
      after: input.after ?? null,
    })
    return page
  },
})
