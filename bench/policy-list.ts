/**
 * `policy.list` (the resident's home page, first page of 20) at 1k and 100k policies: the real
 * action (one keyset-paged query on the (status, publishedAt) index) side by side with a naive
 * implementation in the same run (scan every policy, filter and sort in memory). Both answer
 * the same page; that is checked.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PolicyListOutput } from '../cloudfunctions/_shared/contracts/policy'
import type { Policy } from '../cloudfunctions/_shared/domain/policy'
import { shanghaiDate } from '../cloudfunctions/_shared/domain/time'
import { dispatch } from '../cloudfunctions/_shared/runtime/dispatch'
import type { ActionMap } from '../cloudfunctions/_shared/runtime/action'
import { makeKeyring } from '../cloudfunctions/_shared/runtime/keyring'
import type { Collections } from '../cloudfunctions/_shared/store/collections'
import { openSqliteStore } from '../cloudfunctions/_shared/store/sqlite/adapter'
import { draft, TEST_ORGS } from '../cloudfunctions/_shared/testing/harness'
import { policyActions } from '../cloudfunctions/policy/actions'
import { profileActions } from '../cloudfunctions/profile/actions'

const SIZES = [1_000, 100_000]
const CALLS = 15

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

async function measure(size: number) {
  const dir = mkdtempSync(join(tmpdir(), 'cy-bench-policy-'))
  const store = openSqliteStore<Collections>({ path: join(dir, 'p.db'), purpose: 'test' })
  const keyring = makeKeyring(Buffer.from('bench-master-secret-bench-master-secret'))
  const now = () => new Date('2026-11-22T02:00:00.000Z')
  for (const org of TEST_ORGS) await store.collection('orgs').insert(org)
  await store.collection('staff').insert({ _id: 'a-staff', name: 'a', role: 'community_staff', orgId: 'comm-a', openid: null, username: 'a', passwordHash: null, active: true, createdAt: '2026-01-01T00:00:00.000Z' })
  const call = async <T>(actions: ActionMap, identity: { residentId: string } | { staffId: string }, action: string, data: unknown) => {
    const { body } = await dispatch(actions, { action, data }, { fn: 'policy', store, identity, keyring, now })
    if (!body.ok) throw new Error(`${action}: ${JSON.stringify(body.error)}`)
    return body.data as T
  }
  // One real policy, made and published by the actions; the rest are copies of it across orgs.
  const made = await call<{ _id: string }>(policyActions, { staffId: 'a-staff' }, 'save', draft())
  await call(policyActions, { staffId: 'a-staff' }, 'publish', { id: made._id })
  const template = (await store.collection('policies').get(made._id)) as Policy
  const seed0 = performance.now()
  for (let start = 1; start < size; start += 1000) {
    await store.transaction(async (tx) => {
      for (let i = start; i < Math.min(size, start + 1000); i++) {
        const org = TEST_ORGS[i % TEST_ORGS.length]
        const at = new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString()
        await tx.collection('policies').insert({
          ...template, _id: `pol_bench_${String(i).padStart(7, '0')}`, title: `${template.title} ${i}`, orgId: org._id, orgPath: org.path,
          status: i % 10 === 0 ? 'draft' : 'published', publishedAt: i % 10 === 0 ? null : at, updatedAt: at, createdAt: at,
        } as Policy)
      }
    })
  }
  const seedMs = performance.now() - seed0
  await call(profileActions, { residentId: 'r1' }, 'save', { communityId: 'comm-a', targetGroups: ['graduate'] })

  const real = async () => call<PolicyListOutput>(policyActions, { residentId: 'r1' }, 'list', { limit: 20 })
  const naive = async () => {
    const today = shanghaiDate(now())
    const profile = await store.collection('profiles').get('r1')
    const community = profile?.communityId ? await store.collection('orgs').get(profile.communityId) : null
    const all: Policy[] = []
    for await (const batch of store.collection('policies').scan(undefined, 1000)) all.push(...batch)
    return all
      .filter((p) => p.status === 'published' && p.validFrom <= today && (p.validTo === null || p.validTo >= today) && (!community || community.path.includes(p.orgId)))
      .sort((a, b) => ((b.publishedAt ?? '') < (a.publishedAt ?? '') ? -1 : (b.publishedAt ?? '') > (a.publishedAt ?? '') ? 1 : 0))
      .slice(0, 20)
  }
  const a = (await real()).items.map((p) => p._id)
  const b = (await naive()).map((p) => p._id)
  const same = JSON.stringify(a) === JSON.stringify(b)
  const realMs: number[] = []
  const naiveMs: number[] = []
  for (let i = 0; i < CALLS; i++) {
    let t = performance.now()
    await real()
    realMs.push(performance.now() - t)
    t = performance.now()
    await naive()
    naiveMs.push(performance.now() - t)
  }
  await store.close()
  rmSync(dir, { recursive: true, force: true })
  return { size, seedMs, real: median(realMs), naive: median(naiveMs), same, page: a.length }
}

export async function policyListScaling(): Promise<string[]> {
  const rows = [
    `| policies in store | real \`policy.list\` (keyset, indexed), median of ${CALLS} | naive scan + in-memory filter/sort, median of ${CALLS} | naive ÷ real | same first page |`,
    '|---:|---:|---:|---:|---|',
  ]
  const results = []
  for (const size of SIZES) results.push(await measure(size))
  for (const r of results) {
    rows.push(`| ${r.size.toLocaleString('en')} | ${r.real.toFixed(2)} ms | ${r.naive.toFixed(1)} ms | ${(r.naive / r.real).toFixed(0)}× | ${r.same ? `yes (${r.page} items)` : 'NO'} |`)
  }
  const [small, big] = results
  rows.push(`| 100k ÷ 1k | ${(big.real / small.real).toFixed(2)}× | ${(big.naive / small.naive).toFixed(0)}× | | |`)
  return rows
}
