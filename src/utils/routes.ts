import Taro from '@tarojs/taro'

/** Every page URL in one place. */
export const routes = {
  index: '/pages/index/index',
  events: '/pages/events/index',
  mine: '/pages/mine/index',
  policyDetail: (id: string) => `/pages/policy-detail/index?id=${encodeURIComponent(id)}`,
  /** `from=forMe` makes the page explain why it opened. */
  profileEdit: (from?: 'forMe' | 'banner') => `/pages/profile-edit/index${from ? `?from=${from}` : ''}`,
  staffLogin: '/staff/pages/login/index',
  /** Sign in again and come back to the page that asked (a form keeps what was typed). */
  staffLoginThenBack: '/staff/pages/login/index?back=1',
  staffPolicies: '/staff/pages/policies/index',
  staffBind: '/staff/pages/bind/index',
  staffTeam: '/staff/pages/team/index',
  staffDashboard: (org?: string) => `/staff/pages/dashboard/index${org ? `?org=${encodeURIComponent(org)}` : ''}`,
  /** The ledger list narrowed to the cases behind an index's numerator or denominator. */
  staffDrilldown: (q: { key: string; side: 'num' | 'den'; period: string; org: string }) =>
    `/staff/pages/ledger/index?drill=${q.key}&side=${q.side}&period=${q.period}&org=${encodeURIComponent(q.org)}`,
  privacy: '/pages/privacy/index',
  myData: '/pages/my-data/index',
  policyPush: (id: string) => `/staff/pages/policy-push/index?id=${encodeURIComponent(id)}`,
  policyEdit: (id?: string) => `/staff/pages/policy-edit/index${id ? `?id=${encodeURIComponent(id)}` : ''}`,
  staffServiceResources: '/staff/pages/service-resources/index',
  guide: (id: string) => `/pages/guide/index?id=${encodeURIComponent(id)}`,
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
