import type { IndexDeclaration } from '../indexes'
import { indexFit, seekFields } from '../index-fit'
import { type Filter, type OrderBy, where } from '../port'

type Doc = { _id: string; communityId: string; communityPath: string[]; createdAt: string; status: string; title: string; dueDate: string }
const INDEXES: IndexDeclaration<Doc>[] = [
  { name: 'community_created', fields: [{ field: 'communityId', dir: 'asc' }, { field: 'createdAt', dir: 'desc' }, { field: '_id', dir: 'desc' }] },
  { name: 'path_due', fields: [{ field: 'communityPath', dir: 'asc' }, { field: 'dueDate', dir: 'asc' }, { field: '_id', dir: 'asc' }], multikey: 'communityPath' },
  { name: 'status', fields: [{ field: 'status', dir: 'asc' }, { field: '_id', dir: 'asc' }] },
  // Ends at its sort key: the store's `_id` tie-break is left to an in-memory sort.
  { name: 'title', fields: [{ field: 'title', dir: 'asc' }] },
]
const fit = (filter: Filter<Doc> | undefined, orderBy: OrderBy<Doc>[] = []) => indexFit(INDEXES, filter, orderBy)

describe('which declared index a query seeks on (CloudBase)', () => {
  it('seeks on an index whose first field the filter constrains, and says when the order comes from it', () => {
    expect(fit(where.eq<Doc>('communityId', 'c1'), [{ field: 'createdAt', dir: 'desc' }])).toMatchObject({ kind: 'index', index: 'community_created', sorted: true })
    // The same index read backwards gives the opposite order.
    expect(fit(where.eq<Doc>('communityId', 'c1'), [{ field: 'createdAt', dir: 'asc' }])).toMatchObject({ kind: 'index', index: 'community_created', sorted: true })
    // Sought, but the order is not the index's: sorted in memory.
    expect(fit(where.eq<Doc>('communityId', 'c1'), [{ field: 'title', dir: 'asc' }])).toMatchObject({ kind: 'index', index: 'community_created', sorted: false })
    // A range on the first field seeks too.
    expect(fit(where.gte<Doc>('communityId', 'c'))).toMatchObject({ kind: 'index', index: 'community_created' })
  })

  it('seeks on a multikey index for array membership, then orders by its next field', () => {
    const overdue = where.and<Doc>(where.has('communityPath', 'street-1'), where.in('status', ['open', 'answered']), where.lt('dueDate', '2026-12-01'))
    expect(fit(overdue, [{ field: 'dueDate', dir: 'asc' }])).toMatchObject({ kind: 'index', index: 'path_due', sorted: true })
    expect(fit(where.hasAny<Doc>('communityPath', ['a', 'b']))).toMatchObject({ kind: 'index', index: 'path_due' })
  })

  it('reads the whole collection when no index can seek: a negation, a substring, a field no index leads with, nothing', () => {
    expect(fit(where.ne<Doc>('communityId', 'c1'))).toEqual({ kind: 'none' })
    expect(fit(where.contains<Doc>('title', '补贴'))).toEqual({ kind: 'none' })
    expect(fit(where.eq<Doc>('createdAt', '2026-01-01'))).toEqual({ kind: 'none' })
    expect(fit(where.eq<Doc>('communityId', null as never))).toEqual({ kind: 'none' })
    expect(fit(undefined)).toEqual({ kind: 'none' })
  })

  it('needs every branch of an or to seek on the same field', () => {
    expect(fit(where.or<Doc>(where.eq('status', 'open'), where.eq('status', 'closed')))).toMatchObject({ kind: 'index', index: 'status' })
    expect(fit(where.or<Doc>(where.eq('status', 'open'), where.eq('title', 'x')))).toEqual({ kind: 'none' })
    expect([...seekFields(where.or<Doc>(where.eq('status', 'a'), where.gt('status', 'b'))).entries()]).toEqual([['status', 'range']])
  })

  it('counts the order as coming from the index only when the _id tie-break the stores append does too', () => {
    // title leads an index without _id: every title match is sorted in memory to find one page.
    expect(fit(where.eq<Doc>('title', 'x'), [{ field: 'title', dir: 'asc' }])).toMatchObject({ kind: 'index', index: 'title', sorted: false })
    // The tie-break's direction follows the last key (store/cursor.ts): an index with _id the other way does not yield it.
    const mixed: IndexDeclaration<Doc>[] = [{ name: 'mixed', fields: [{ field: 'communityId', dir: 'asc' }, { field: 'createdAt', dir: 'desc' }, { field: '_id', dir: 'asc' }] }]
    expect(indexFit(mixed, where.eq<Doc>('communityId', 'c1'), [{ field: 'createdAt', dir: 'desc' }])).toMatchObject({ kind: 'index', index: 'mixed', sorted: false })
    // A list or scan ordered by _id alone counts as sorted after a point seek (one community's records)…
    expect(fit(where.eq<Doc>('communityId', 'c1'))).toMatchObject({ kind: 'index', index: 'community_created', sorted: true })
    // …but not after a range seek: every match of the range would be sorted again for each batch.
    expect(fit(where.lt<Doc>('communityId', 'c9'))).toMatchObject({ kind: 'index', index: 'community_created', sorted: false })
    // With no seek, an index that ends at its sort key is not walked for a list of everything.
    expect(fit(undefined, [{ field: 'title', dir: 'asc' }])).toEqual({ kind: 'none' })
  })

  it('picks, among the indexes that yield the order, the one that seeks on the most fields, and names them', () => {
    const lists: IndexDeclaration<Doc>[] = [
      { name: 'status_created', fields: [{ field: 'status', dir: 'asc' }, { field: 'createdAt', dir: 'desc' }, { field: '_id', dir: 'desc' }] },
      { name: 'community_status_created', fields: [{ field: 'communityId', dir: 'asc' }, { field: 'status', dir: 'asc' }, { field: 'createdAt', dir: 'desc' }, { field: '_id', dir: 'desc' }] },
    ]
    const mine = where.and<Doc>(where.eq('status', 'open'), where.in('communityId', ['c1', 'c2']))
    expect(indexFit(lists, mine, [{ field: 'createdAt', dir: 'desc' }])).toEqual({ kind: 'index', index: 'community_status_created', sorted: true, sought: ['communityId', 'status'], ownersMissed: [] })
    // Without the tighter index the query walks every open record in order: sorted, but not sought on its community.
    expect(indexFit(lists.slice(0, 1), mine, [{ field: 'createdAt', dir: 'desc' }])).toEqual({ kind: 'index', index: 'status_created', sorted: true, sought: ['status'], ownersMissed: ['communityId'] })
    // A range ends what the index seeks on.
    expect(indexFit(lists.slice(1), where.and<Doc>(where.gte('communityId', 'c'), where.eq('status', 'open')))).toMatchObject({ sought: ['communityId'] })
  })

  it('walks an index in order for a list of everything, and seeks by _id directly', () => {
    expect(fit(undefined, [{ field: 'status', dir: 'asc' }])).toMatchObject({ kind: 'index', index: 'status', sorted: true })
    expect(fit(where.in<Doc>('_id' as never, ['a', 'b']))).toEqual({ kind: 'id' })
  })
})
