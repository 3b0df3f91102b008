/** Page URLs of the intent registration, 我的创业档案 and the staff ledger. */
export const intentRoutes = {
  /** `eventId`: the promotion event whose sign-up led here (issue 4). */
  form: (options: { eventId?: string; edit?: boolean } = {}) => {
    const q = [options.eventId ? `eventId=${encodeURIComponent(options.eventId)}` : '', options.edit ? 'edit=1' : ''].filter(Boolean).join('&')
    return `/pages/intent-form/index${q ? `?${q}` : ''}`
  },
  myCase: '/pages/my-case/index',
  ledger: '/staff/pages/ledger/index',
  staffCase: (id: string) => `/staff/pages/case/index?id=${encodeURIComponent(id)}`,
  projects: '/staff/pages/projects/index',
} as const
