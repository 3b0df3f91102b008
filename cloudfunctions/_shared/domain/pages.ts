/**
 * The page map: every page of the mini-program, and the only place a page path is written.
 *
 * `src/app.config.ts` builds its `pages` and `subPackages` from it, every navigation in `src/`
 * builds its URL with `pageUrl`, and every link the server builds (QR-code pages, subscribe-message
 * pages, inbox links, search hits, share paths) uses `pageUrl` or `pagePath`. A lint rule forbids
 * literal `pages/…/index` strings anywhere else; `scripts/__tests__/page-map.test.ts` checks that each
 * page here exists as a source page and is routed by both builds.
 *
 * Adding a page: add its folder to `MAIN_PAGE_DIRS` or `STAFF_PAGE_DIRS` (in the order WeChat should
 * list it; the first main page is the home page) and, when it takes a query, its parameters to
 * `PageQueries`.
 */

/**
 * Main-package pages: only the three tabs.
 * Everything else a resident opens lives in a journey subpackage below, so the main package stays
 * near Taro's own floor (bench/floor.ts); WeChat downloads a subpackage on first use, and
 * `preloadRule` fetches the next one while the resident is still on a tab.
 */
export const MAIN_PAGE_DIRS = {
  index: 'index',
  events: 'events',
  mine: 'mine',
} as const

/**
 * Resident subpackages by journey: root folder (`src/<root>/pages/<folder>`) → key → folder.
 * Each page a resident reaches from outside (QR code, push, share) lives in exactly one of them,
 * so it opens with the main package plus that one subpackage.
 */
export const RESIDENT_PACKAGES = {
  /** Policies and what hangs off them: detail (push, share), survey (push), guides, stories, search. */
  'pkg-policy': {
    policyDetail: 'policy-detail',
    survey: 'survey',
    guide: 'guide',
    story: 'story',
    search: 'search',
    sites: 'sites',
    /** 市民创业状况: the census results anyone may read (issue 21). */
    census: 'census',
    /** 满意度调查, opened from 我的: my community's surveys and results, and the census (left the main package). */
    mySurveys: 'my-surveys',
  },
  /** Events and courses: sign-up (poster QR code, share), the intent form it leads to, my activities. */
  'pkg-event': {
    event: 'event',
    intentForm: 'intent-form',
    courses: 'courses',
    course: 'course',
    myActivities: 'my-activities',
  },
  /** 我的: profile, inbox, my data, my case, feedback, the privacy summary. */
  'pkg-me': {
    profileEdit: 'profile-edit',
    inbox: 'inbox',
    myData: 'my-data',
    myCase: 'my-case',
    feedbackForm: 'feedback-form',
    myFeedback: 'my-feedback',
    feedbackDetail: 'feedback-detail',
    intentClaim: 'intent-claim',
    /** 隐私说明, opened from 我的 (it left the main package: bench/sizes.ts). */
    privacy: 'privacy',
    /** 消息提醒: the policy-reminder subscription and the switches per kind of message, opened from 我的 (left the main package). */
    noticeSettings: 'notice-settings',
  },
} as const

type ResidentPackages = typeof RESIDENT_PACKAGES
export type ResidentPackageRoot = keyof ResidentPackages
export type ResidentPackagePageKey = { [R in ResidentPackageRoot]: keyof ResidentPackages[R] }[ResidentPackageRoot]

/**
 * Pages a resident opens from outside the app: a poster's QR code (event, course), a share (event,
 * policy), a push or an inbox row (policy, survey), a subscribe message (my case). On WeChat each
 * opens with the main package plus its one subpackage (bench/sizes.ts reports those bytes); on H5
 * index.html starts downloading its page's files at once, beside the entry
 * (config/h5-home-preload.ts), instead of after the entry has run.
 */
export const OUTSIDE_ENTRY_PAGES = ['event', 'policyDetail', 'survey', 'myCase', 'course'] as const satisfies readonly ResidentPackagePageKey[]
export type OutsideEntryPage = (typeof OUTSIDE_ENTRY_PAGES)[number]


const RESIDENT_ROOTS = Object.keys(RESIDENT_PACKAGES) as ResidentPackageRoot[]

/** The resident subpackage a page lives in, or null (main package or staff). */
export function residentPackageOf(key: PageKey): ResidentPackageRoot | null {
  for (const root of RESIDENT_ROOTS) if (Object.prototype.hasOwnProperty.call(RESIDENT_PACKAGES[root], key)) return root
  return null
}

function residentDir(key: ResidentPackagePageKey, root: ResidentPackageRoot): string {
  return (RESIDENT_PACKAGES[root] as Record<string, string>)[key]
}

/** The staff subpackage's root folder (`src/staff/`). */
export const STAFF_ROOT = 'staff'

/** Staff-subpackage pages: key → folder under `src/staff/pages/`. */
export const STAFF_PAGE_DIRS = {
  staffLogin: 'login',
  staffWorkbench: 'workbench',
  staffPolicies: 'policies',
  policyEdit: 'policy-edit',
  policyPush: 'policy-push',
  staffBind: 'bind',
  staffTeam: 'team',
  staffSurveys: 'surveys',
  surveyEdit: 'survey-edit',
  staffEvents: 'events',
  eventEdit: 'event-edit',
  eventPoster: 'event-poster',
  eventCheckin: 'event-checkin',
  eventAttendees: 'event-attendees',
  surveyResults: 'survey-results',
  ledger: 'ledger',
  staffCase: 'case',
  projects: 'projects',
  staffDashboard: 'dashboard',
  feedbackInbox: 'feedback-inbox',
  feedbackItem: 'feedback-item',
  evaluation: 'evaluation',
  evaluationEdit: 'evaluation-edit',
  evaluationDetail: 'evaluation-detail',
  evaluationSpotCheck: 'evaluation-spotcheck',
  evaluationRanking: 'evaluation-ranking',
  evaluationPrint: 'evaluation-print',
  courseCheckin: 'course-checkin',
  siteApplications: 'site-applications',
  staffServiceResources: 'service-resources',
  ledgerRegister: 'ledger-register',
  evaluationYear: 'evaluation-year',
  staffTargets: 'targets',
  staffReports: 'reports',
  reportDetail: 'report-detail',
  staffHonors: 'honors',
  orgSetup: 'org-setup',
  staffDuty: 'duty',
  evaluationScores: 'evaluation-scores',
  evaluationScore: 'evaluation-score',
} as const

export type MainPageKey = keyof typeof MAIN_PAGE_DIRS | ResidentPackagePageKey
export type StaffPageKey = keyof typeof STAFF_PAGE_DIRS
export type PageKey = MainPageKey | StaffPageKey

type Id = { id: string }

/** The query each page reads (`void`: none). Optional members may be left out. */
export interface PageQueries {
  index: void
  events: void
  mine: void
  /** `push`: the policy push that opened it (subscribe message); `ref`: the sharer's referral id. */
  policyDetail: Id & { push?: string; ref?: string }
  /** `from=forMe` makes the page explain why it opened. */
  profileEdit: { from?: 'forMe' | 'banner' }
  survey: Id
  /** 市民创业状况调查 results: the city, or a district or street (`orgId`), for `year`. */
  census: { orgId?: string; year?: string }
  mySurveys: void
  /** `scene`: a QR code's scene; `ref`: the sharer's referral id. */
  event: { id?: string; scene?: string; ref?: string }
  inbox: void
  privacy: void
  noticeSettings: void
  myData: void
  /** `eventId`: the promotion event whose sign-up led here; `edit=1`: change the registration. */
  intentForm: { eventId?: string; edit?: '1' }
  /** `registered=1`: opened right after registering. */
  myCase: { registered?: '1' }
  /** What the feedback concerns (a policy, an event or the resident's case). */
  feedbackForm: { subject?: string; id?: string; title?: string; communityId?: string }
  myFeedback: void
  feedbackDetail: Id
  courses: void
  course: { id?: string; scene?: string }
  sites: void
  /** Without `id`: the list of guides. */
  guide: { id?: string }
  story: Id
  search: void
  myActivities: void
  /** `back=1`: sign in again and come back to the page that asked. */
  staffLogin: { back?: '1' }
  /** 工作台: what waits on the signed-in staff member today. */
  staffWorkbench: void
  staffPolicies: void
  policyEdit: { id?: string }
  policyPush: Id
  /** `code`: the invitation code handed out by `cloud:admin --invite` and the team page. */
  staffBind: { code?: string }
  staffTeam: void
  /** `closing=1`: only published surveys closing within the week. */
  staffSurveys: { closing?: '1' }
  surveyEdit: Id | { template: string }
  /** `when=today`: today's published events (to check people in). */
  staffEvents: { when?: 'today' }
  eventEdit: { id?: string }
  eventPoster: Id
  eventCheckin: Id
  eventAttendees: Id
  surveyResults: Id
  /** The ledger, or narrowed to the cases behind an index's numerator or denominator. */
  ledger: {
    drill?: string
    side?: 'num' | 'den'
    period?: string
    org?: string
    /** A gap list opened directly (the workbench's lines). */
    tab?: 'unguided' | 'overdue' | 'due' | 'unbenefited' | 'loanDue' | 'paired'
    /** `pending`: registrations not yet accepted (待受理). */
    status?: 'pending'
    /** A money figure (benefit kind, group, policy, loan step) drilled from the dashboard. */
    metric?: string
    label?: string
  }
  staffCase: Id
  projects: void
  staffDashboard: { org?: string }
  /** `due=1`: items due within two days or overdue. */
  feedbackInbox: { due?: '1' }
  feedbackItem: Id
  evaluation: void
  evaluationEdit: { year: number }
  evaluationDetail: Id
  evaluationSpotCheck: Id
  evaluationRanking: { year: number }
  evaluationPrint: Id & { doc: 'form' | 'report' }
  courseCheckin: Id & { session: number }
  siteApplications: void
  staffServiceResources: void
  intentClaim: void
  ledgerRegister: void
  evaluationYear: { year?: number }
  /** 评审内容与评分: a district's 评审内容 for the year and the ranking per district (the city names `district`). */
  evaluationScores: { year?: number; district?: string; waiting?: '1' }
  /** One community's score sheet for a year. */
  evaluationScore: { community: string; year: number }
  /** 目标与分解: an org's targets for a year (default: the caller's org, this year). */
  staffTargets: { org?: string; year?: number }
  /** 简报: the inbox, my org's sent ones or the 好经验 list (default: inbox for receivers, else sent). */
  staffReports: { box?: 'inbox' | 'sent' | 'good'; unread?: '1' }
  reportDetail: { id: string }
  /** 表彰 list of a year (default: this year). */
  staffHonors: { year?: number }
  /** 组织体系 of a community (default: the caller's own). */
  orgSetup: { org?: string }
  /** 督查与目标责任考核: the plan's tasks, what is late, each owner's result for a year. */
  staffDuty: { year?: number }
}

/** The arguments after the key: nothing, an optional query or a required one. */
export type PageArgs<K extends PageKey> = PageQueries[K] extends void
  ? []
  : Partial<PageQueries[K]> extends PageQueries[K]
    ? [query?: PageQueries[K]]
    : [query: PageQueries[K]]

const isStaff = (key: PageKey): key is StaffPageKey => Object.prototype.hasOwnProperty.call(STAFF_PAGE_DIRS, key)

/** The page's path inside its package (`pages/<folder>/index`), as app.config lists it. */
function inPackage(dir: string): string {
  return `pages/${dir}/index`
}

/** `a=1&b=x%20y`, leaving out absent members, in the order given. */
function queryString(query: object | undefined): string {
  if (!query) return ''
  return Object.entries(query as Record<string, string | number | undefined | null>)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&')
}

/**
 * The page's route alone, without a query or a leading slash (`pages/policy-detail/index`), as
 * app.json lists it and as WeChat wants the `page` of a QR code or the base of a share path.
 */
export function pageRoute(key: PageKey): string {
  if (isStaff(key)) return `${STAFF_ROOT}/${inPackage(STAFF_PAGE_DIRS[key])}`
  const root = residentPackageOf(key)
  if (root) return `${root}/${inPackage(residentDir(key as ResidentPackagePageKey, root))}`
  return inPackage(MAIN_PAGE_DIRS[key as keyof typeof MAIN_PAGE_DIRS])
}

/**
 * The page's path with its query and no leading slash (`pages/event/index?id=…`), as WeChat's
 * QR-code `page`, subscribe-message `page` and share paths take it.
 */
export function pagePath<K extends PageKey>(key: K, ...[query]: PageArgs<K>): string {
  const base = pageRoute(key)
  const q = queryString(query as object | undefined)
  return q ? `${base}?${q}` : base
}

/** The page's URL for `Taro.navigateTo` and in-app links (`/pages/event/index?id=…`). */
export function pageUrl<K extends PageKey>(key: K, ...args: PageArgs<K>): string {
  return `/${pagePath(key, ...args)}`
}

/** Every page key, main package first, in app.config order. */
export const PAGE_KEYS: readonly PageKey[] = [
  ...(Object.keys(MAIN_PAGE_DIRS) as MainPageKey[]),
  ...RESIDENT_ROOTS.flatMap((root) => Object.keys(RESIDENT_PACKAGES[root]) as MainPageKey[]),
  ...(Object.keys(STAFF_PAGE_DIRS) as StaffPageKey[]),
]

/** The source folder of a page, relative to `src/` (`pages/event`, `staff/pages/login`). */
export function pageSourceDir(key: PageKey): string {
  if (isStaff(key)) return `${STAFF_ROOT}/pages/${STAFF_PAGE_DIRS[key]}`
  const root = residentPackageOf(key)
  if (root) return `${root}/pages/${residentDir(key as ResidentPackagePageKey, root)}`
  return `pages/${MAIN_PAGE_DIRS[key as keyof typeof MAIN_PAGE_DIRS]}`
}

/**
 * Routes pages had before they left the main package (`pages/<folder>/index` → key). Links already
 * out in the world (printed poster QR codes, share cards in chats, sent subscribe messages, inbox
 * rows) still name them: the app redirects them (src/app.tsx, onPageNotFound) and migration
 * `2026-12-page-paths-subpackages` (runtime/migrations.ts) rewrites stored ones.
 */
export const LEGACY_ROUTES: Readonly<Record<string, ResidentPackagePageKey>> = Object.fromEntries(
  RESIDENT_ROOTS.flatMap((root) => Object.entries(RESIDENT_PACKAGES[root] as Record<string, string>).map(([key, dir]) => [inPackage(dir), key as ResidentPackagePageKey])),
)

/**
 * A stored or incoming path (`pages/event/index?id=1`, with or without a leading slash) rewritten to
 * the page's current route, keeping the query and the slash; null when it is not a legacy route.
 */
export function currentPathOf(path: string): string | null {
  const m = /^(\/?)(pages\/[a-z0-9-]+\/index)(\?.*)?$/.exec(path)
  if (!m) return null
  const key = LEGACY_ROUTES[m[2]]
  return key ? `${m[1]}${pageRoute(key)}${m[3] ?? ''}` : null
}

/**
 * WeChat downloads these subpackages while the resident is on the page (network: any), so the next
 * step is there when tapped: the tabs lead to policies, events and 我的.
 * https://developers.weixin.qq.com/miniprogram/dev/framework/subpackages/preload.html
 */
const PRELOAD: Partial<Record<PageKey, ResidentPackageRoot[]>> = {
  index: ['pkg-policy'],
  events: ['pkg-event'],
  mine: ['pkg-me'],
  policyDetail: ['pkg-me'],
  event: ['pkg-me'],
}

/** `pages` and `subPackages` of app.config, from the map. */
export function appPages(): {
  pages: string[]
  subPackages: { root: string; pages: string[] }[]
  preloadRule: Record<string, { network: 'all'; packages: string[] }>
} {
  return {
    pages: Object.values(MAIN_PAGE_DIRS).map(inPackage),
    subPackages: [
      ...RESIDENT_ROOTS.map((root) => ({ root, pages: Object.values(RESIDENT_PACKAGES[root] as Record<string, string>).map(inPackage) })),
      { root: STAFF_ROOT, pages: Object.values(STAFF_PAGE_DIRS).map(inPackage) },
    ],
    preloadRule: Object.fromEntries(Object.entries(PRELOAD).map(([key, packages]) => [pageRoute(key as PageKey), { network: 'all' as const, packages: packages ?? [] }])),
  }
}

/**
 * H5 links that also name what their page shows before the hash, where the local runtime sees it
 * and draws it into the HTML: an event code's scene or a shared event's id
 * (server/event-first-screen.ts) and a shared policy's id (server/policy-first-screen.ts). Names
 * unlike the pages' own parameters: Taro's H5 router adds what is before the hash to every page's
 * parameters.
 */
export const H5_FIRST_SCREEN_PARAMS = { eventScene: 's', eventId: 'e', policyId: 'p' } as const

/**
 * Which page parameter each name copies, in the order they are tried (a scanned scene wins over an
 * id): `h5Link` writes the first that applies, the runtime draws the first it is given.
 */
export const H5_FIRST_SCREEN_LINKS = [
  { name: H5_FIRST_SCREEN_PARAMS.eventScene, page: 'event', param: 'scene' },
  { name: H5_FIRST_SCREEN_PARAMS.eventId, page: 'event', param: 'id' },
  { name: H5_FIRST_SCREEN_PARAMS.policyId, page: 'policyDetail', param: 'id' },
] as const satisfies readonly { name: string; page: PageKey; param: string }[]

export type H5FirstScreenName = (typeof H5_FIRST_SCREEN_LINKS)[number]['name']

/**
 * The H5 link to `path` (a page route with its query, with or without the leading slash) on
 * `origin`: `<origin>/#/<path>`, plus the event's scene or id, or the policy's id, before the hash
 * when the page is one the runtime draws. Links made before open the same page.
 */
export function h5Link(origin: string, path: string): string {
  const hashPath = path.startsWith('/') ? path : `/${path}`
  const [route, query = ''] = hashPath.slice(1).split('?')
  const params = new URLSearchParams(query)
  const link = H5_FIRST_SCREEN_LINKS.find((l) => route === pageRoute(l.page) && params.get(l.param))
  return `${origin}/${link ? `?${link.name}=${encodeURIComponent(params.get(link.param) as string)}` : ''}#${hashPath}`
}

const escapedRoute = (route: string) => route.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/**
 * The pattern (RegExp source) of `location.hash` when Taro's hash router shows `route`, with any
 * query: what the runtime's static pages (server/first-screen.ts) test before they show or hide.
 */
export const pageHashPattern = (route: string) => `^#\\/?${escapedRoute(route)}([?].*)?$`

/** The same for the home, which the router also shows for no hash, `#` and `#/`. */
export const homeHashPattern = () => `^(#\\/?(${escapedRoute(pageRoute('index'))})?([?].*)?)?$`
