import { pageUrl } from '@shared/domain/pages'

/** Page URLs of the intent registration, 我的创业档案 and the staff ledger. */
export const intentRoutes = {
  /** `eventId`: the promotion event whose sign-up led here (issue 4). */
  form: (options: { eventId?: string; edit?: boolean } = {}) =>
    pageUrl('intentForm', { eventId: options.eventId, edit: options.edit ? '1' : undefined }),
  myCase: pageUrl('myCase'),
  /** 我的创业档案 right after registering: it says the registration went through. */
  myCaseJustRegistered: pageUrl('myCase', { registered: '1' }),
  ledger: pageUrl('ledger'),
  staffCase: (id: string) => pageUrl('staffCase', { id }),
  projects: pageUrl('projects'),
  /** 代登记: a worker registers a walk-in resident. */
  register: pageUrl('ledgerRegister'),
  /** A resident claims a case a worker registered for them. */
  claim: pageUrl('intentClaim'),
} as const
