import { PAGE_KEYS, STAFF_PAGE_DIRS, type StaffPageKey } from '@shared/domain/pages'
import { ROLE_PERMISSIONS, STAFF_ROLES } from '@shared/domain/roles'
import { sectionOf, sectionsFor, STAFF_SECTIONS } from '../sections'

const keys = (role: Parameters<typeof sectionsFor>[0]) => sectionsFor(role).map((s) => s.key)

describe('staff navigation sections', () => {
  it('offers each role exactly the sections its permissions open', () => {
    expect(keys('community_staff')).toEqual(['workbench', 'dashboard', 'ledger', 'feedback', 'events', 'surveys', 'policies', 'evaluation', 'projects', 'services', 'reports'])
    expect(keys('community_lead')).toEqual([...keys('community_staff'), 'team'])
    // A street reviewer reads: no 项目库 or 服务资源 (their lists are edit screens).
    expect(keys('street_reviewer')).toEqual(['workbench', 'dashboard', 'duty', 'ledger', 'feedback', 'events', 'surveys', 'policies', 'evaluation', 'reports', 'team'])
    expect(keys('city_officer')).toEqual(['workbench', 'dashboard', 'duty', 'ledger', 'feedback', 'events', 'surveys', 'policies', 'evaluation', 'projects', 'services', 'reports', 'team'])
    for (const role of STAFF_ROLES) {
      for (const s of sectionsFor(role)) expect(s.anyOf.length === 0 || s.anyOf.some((p) => ROLE_PERMISSIONS[role].includes(p))).toBe(true)
    }
  })

  it('marks a section on each of its pages, and every staff desk page belongs to one', () => {
    expect(sectionOf('policyEdit')?.key).toBe('policies')
    expect(sectionOf('staffCase')?.key).toBe('ledger')
    expect(sectionOf('evaluationPrint')?.key).toBe('evaluation')
    expect(sectionOf('staffLogin')).toBeNull()
    const outside: StaffPageKey[] = ['staffLogin', 'staffBind']
    const staffPages = PAGE_KEYS.filter((k): k is StaffPageKey => k in STAFF_PAGE_DIRS)
    expect(staffPages.filter((k) => !outside.includes(k) && !sectionOf(k))).toEqual([])
    // No page in two sections.
    const all = STAFF_SECTIONS.flatMap((s) => [s.home, ...s.pages])
    expect(new Set(all).size).toBe(all.length)
  })
})
