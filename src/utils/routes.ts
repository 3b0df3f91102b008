import Taro from '@tarojs/taro'
import { pageUrl } from '@shared/domain/pages'

/** The page URLs pages navigate to, built from the page map (`@shared/domain/pages`). */
export const routes = {
  index: pageUrl('index'),
  events: pageUrl('events'),
  mine: pageUrl('mine'),
  policyDetail: (id: string) => pageUrl('policyDetail', { id }),
  /** `from=forMe` makes the page explain why it opened. */
  profileEdit: (from?: 'forMe' | 'banner') => pageUrl('profileEdit', { from }),
  staffLogin: pageUrl('staffLogin'),
  /** Sign in again and come back to the page that asked (a form keeps what was typed). */
  staffLoginThenBack: pageUrl('staffLogin', { back: '1' }),
  staffWorkbench: pageUrl('staffWorkbench'),
  staffPolicies: pageUrl('staffPolicies'),
  staffBind: pageUrl('staffBind'),
  staffTeam: pageUrl('staffTeam'),
  staffDashboard: (org?: string) => pageUrl('staffDashboard', { org }),
  staffTargets: (q: { org?: string; year?: number } = {}) => pageUrl('staffTargets', q),
  /** 组织体系 of a community (its own page for the community's staff, read-only above). */
  orgSetup: (org?: string) => pageUrl('orgSetup', { org }),
  /** The ledger list narrowed to the cases behind an index's numerator or denominator. */
  staffDrilldown: (q: { key: string; side: 'num' | 'den'; period: string; org: string }) =>
    pageUrl('ledger', { drill: q.key, side: q.side, period: q.period, org: q.org }),
  /** The ledger list narrowed to the cases behind a money figure (a benefit kind, group, policy or loan step). */
  staffMoneyCases: (q: { metric: string; label: string; period: string; org: string }) =>
    pageUrl('ledger', { metric: q.metric, label: q.label, period: q.period, org: q.org }),
  privacy: pageUrl('privacy'),
  noticeSettings: pageUrl('noticeSettings'),
  myData: pageUrl('myData'),
  myActivities: pageUrl('myActivities'),
  policyPush: (id: string) => pageUrl('policyPush', { id }),
  policyEdit: (id?: string) => pageUrl('policyEdit', { id }),
  staffServiceResources: pageUrl('staffServiceResources'),
  guide: (id?: string) => pageUrl('guide', { id }),
  courses: pageUrl('courses'),
  course: (id: string) => pageUrl('course', { id }),
  sites: pageUrl('sites'),
  search: pageUrl('search'),
  story: (id: string) => pageUrl('story', { id }),
  courseCheckin: (id: string, session: number) => pageUrl('courseCheckin', { id, session }),
  siteApplications: pageUrl('siteApplications'),
} as const

const TAB_PAGES: string[] = [routes.index, routes.events, routes.mine]

/** Back to the previous page; when opened directly (H5 deep link) go to `fallback` instead. */
export function goBack(fallback: string = routes.index): void {
  if (Taro.getCurrentPages().length > 1) {
    void Taro.navigateBack()
  } else if (TAB_PAGES.includes(fallback)) {
    void Taro.switchTab({ url: fallback })
  } else {
    void Taro.redirectTo({ url: fallback })
  }
}
