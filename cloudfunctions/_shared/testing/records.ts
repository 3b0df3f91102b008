import type { Policy } from '../domain/policy'

/** A complete policy as the store holds it, for store and adapter tests (`over` replaces fields). */
export const storedPolicy = (over: Partial<Policy> = {}): Policy => ({
  _id: 'pol-1',
  orgId: 'org-1',
  orgPath: ['city-1', 'org-1'],
  orgName: '幸福社区',
  title: '一次性创业补贴',
  category: 'startup_subsidy',
  summary: '首次创业给予补贴',
  benefit: '5000 元',
  targetGroups: ['graduate'],
  eligibility: ['首次创业'],
  materials: ['身份证'],
  process: ['申请'],
  contact: { department: '人社局', phone: '12333', address: '某路 1 号' },
  validFrom: '2026-01-01',
  validTo: null,
  status: 'published',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  publishedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 's1',
  version: 1,
  ...over,
})
