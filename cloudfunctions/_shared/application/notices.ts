import { LOAN_STEP_HINTS, LOAN_STEP_LABELS, type LoanStep, yuanLabel } from '../domain/money'
import type { Case } from '../domain/case'
import type { InboxMessage } from '../domain/inbox'
import type { NoticeDelivery, NoticeKind } from '../domain/notice'
import { pagePath } from '../domain/pages'
import type { Collections } from '../store/collections'
import { DuplicateIdError, type Store, type TxStore, where } from '../store/port'

/** One thing to tell one resident. */
export interface Notice {
  residentId: string
  kind: NoticeKind
  /**
   * What makes it unique (the record, its version and what moved): the inbox message and the
   * WeChat delivery take their ids from it, so a retried write never tells anyone twice.
   */
  key: string
  title: string
  body: string
  /** The page it opens, from `pagePath` (no leading slash, as WeChat's `page` takes it). */
  path: string
  sourceId: string | null
  /** A benefit of this policy: the timer credits the resident's opened pushes of it (issue 24). */
  funnelPolicyId?: string
  /** Not told (an edited benefit): only the funnel credit is filed, as for a kind turned off. */
  silent?: boolean
}

const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s)
const idPart = (key: string) => key.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 100)

/**
 * Tells a resident, inside the caller's transaction where there is one (the case write, the site
 * decision), so the notice exists exactly when the change does: one write, the inbox message
 * opening the page, flagged `deliverQueued`; the `notify` function's `sendNotices` timer (every
 * minute) turns the flag into the WeChat delivery it sends if a consent is left, and credits the
 * push funnel of a benefit's policy (`funnelPolicyId`). A kind the resident turned off files
 * nothing, except a muted delivery record when a funnel credit is due, so the counts stay exact.
 * Answers whether a message was filed. `fresh`: the caller's own guarded write proves the key is
 * new (a case write keyed by the version it replaced), so the inbox's duplicate check is skipped;
 * a duplicate insert still fails safe. `off`: the caller knows the switch (a case carries its
 * resident's `caseNoticesOff`), so their settings are not read.
 */
export async function tellResident(
  store: Store<Collections> | TxStore<Collections>,
  notice: Notice,
  at: string,
  opts: { fresh?: boolean; off?: boolean } = {},
): Promise<boolean> {
  const off = notice.silent || (opts.off ?? (await store.collection('noticeSettings').get(notice.residentId))?.off.includes(notice.kind) ?? false)
  const suffix = idPart(notice.key)
  const path = notice.path
  const funnel = notice.funnelPolicyId ? { funnelPolicyId: notice.funnelPolicyId } : {}
  try {
    if (off) {
      if (!notice.funnelPolicyId) return false
      const muted: NoticeDelivery = {
        _id: `nd_${suffix}`,
        residentId: notice.residentId,
        kind: notice.kind,
        title: '',
        body: '',
        page: path,
        status: 'queued',
        failReason: null,
        attempts: 0,
        createdAt: at,
        sentAt: '',
        muted: true,
        ...funnel,
      }
      await store.collection('noticeDeliveries').insert(muted)
      return false
    }
    const message: InboxMessage = {
      _id: `ib_n_${suffix}`,
      residentId: notice.residentId,
      kind: notice.kind,
      title: cut(notice.title, 40),
      body: cut(notice.body, 120),
      link: `/${path}`,
      sourceId: notice.sourceId,
      deliverQueued: true,
      ...funnel,
      createdAt: at,
      readAt: null,
    }
    if (!opts.fresh && (await store.collection('inbox').get(message._id))) return false
    await store.collection('inbox').insert(message)
  } catch (err) {
    // Filed by a concurrent retry of the same change: nothing more to do.
    if (err instanceof DuplicateIdError) return false
    throw err
  }
  return true
}

/** The WeChat delivery of a notice filed in the inbox (same id suffix), as the timer files it. */
export function deliveryOf(message: InboxMessage): NoticeDelivery {
  return {
    _id: `nd_${message._id.replace(/^ib_n_/, '')}`,
    residentId: message.residentId,
    kind: message.kind as NoticeKind,
    title: message.title,
    body: message.body,
    page: (message.link ?? '').replace(/^\//, ''),
    status: 'queued',
    failReason: null,
    attempts: 0,
    createdAt: message.createdAt,
    sentAt: '',
  }
}

/**
 * What a staff change of a case tells its resident, from the case before and after: 受理, a
 * follow-up they can see (一对一指导 and the rest; a site placement says so itself, see
 * apply-site), a mentor assigned or changed. Each opens 我的创业档案. Benefits and loan steps
 * are told by the actions that record them (`benefitNotices`, `loanStepNotices`), never by a
 * case write as such.
 */
export function caseNotices(before: Case, after: Case): Notice[] {
  const base = { residentId: after.residentId, kind: 'case' as const, path: pagePath('myCase'), sourceId: after._id }
  const key = (what: string) => `${after._id}_v${before.version}_${what}`
  const out: Notice[] = []
  if (before.status === 'pending' && after.status === 'accepted') {
    out.push({ ...base, key: key('accepted'), title: '你的创业意向已受理', body: `${after.acceptedByName || '社区创业指导员'}已受理你的登记，接下来会和你联系，一对一帮你梳理创业想法。` })
  }
  const seen = new Set(before.followUps.map((f) => f.id))
  for (const f of after.followUps) {
    if (seen.has(f.id) || !f.visibleToResident || f.kind === 'site') continue
    const guidance = f.kind === 'guidance'
    out.push({
      ...base,
      key: key(`fu_${f.id}`),
      title: guidance ? '社区记录了对你的创业指导' : `社区更新了你的帮扶记录：${followUpLabel(f.kind)}`,
      body: `${f.byName}：${f.note}${f.nextFollowUpDate ? `（下次联系：${f.nextFollowUpDate}）` : ''}`,
    })
  }
  if (after.mentor && after.mentor.id !== before.mentor?.id) {
    out.push({ ...base, key: key(`mentor_${after.mentor.id}`), title: `为你安排了创业导师：${after.mentor.name}`, body: `${after.mentor.name}会在创业路上给你出主意，可以在“我的创业档案”里约导师聊一聊。` })
  }
  return out
}

const caseBase = (before: Case, after: Case) => ({
  base: { residentId: after.residentId, kind: 'case' as const, path: pagePath('myCase'), sourceId: after._id },
  key: (what: string) => `${after._id}_v${before.version}_${what}`,
})

/** A policy benefit newly recorded on the case (not a loan's 放款 / 贴息: its step says so). */
export function benefitNotices(before: Case, after: Case): Notice[] {
  const { base, key } = caseBase(before, after)
  const had = new Set(before.benefits.map((b) => b.id))
  return after.benefits
    .filter((b) => !had.has(b.id) && !b.loanId)
    .map((b) => ({ ...base, ...(b.policyId ? { funnelPolicyId: b.policyId } : {}), key: key(`benefit_${b.id}`), title: '已为你登记享受政策', body: `${b.policyTitle || '创业扶持政策'}${b.amountFen ? `，金额 ${yuanLabel(b.amountFen)}` : ''}` }))
}

/** Loan steps the resident is told of: the application itself is theirs, so it is not. */
const TOLD_STEPS: ReadonlySet<LoanStep> = new Set(['recommended', 'guarantee_reviewed', 'bank_approved', 'disbursed', 'interest', 'repaid', 'overdue', 'compensated'])

/** A loan step newly recorded: 社区推荐, 担保审核, 银行审批, 放款, 贴息, 还清 / 逾期 / 代偿. */
export function loanStepNotices(before: Case, after: Case): Notice[] {
  const { base, key } = caseBase(before, after)
  const out: Notice[] = []
  for (const loan of after.loans ?? []) {
    const known = (before.loans ?? []).find((l) => l.id === loan.id)?.steps.length ?? 0
    loan.steps.forEach((s, i) => {
      if (i < known || !TOLD_STEPS.has(s.step)) return
      const label = s.step === 'interest' ? `第 ${s.period} 期贴息` : LOAN_STEP_LABELS[s.step]
      out.push({
        ...base,
        key: key(`loan_${loan.id}_${i}`),
        title: `你的创业担保贷款：${label}`,
        body: `${loan.policyTitle}：${LOAN_STEP_HINTS[s.step]}${s.amountFen ? `，金额 ${yuanLabel(s.amountFen)}` : ''}${s.date ? `（${s.date}）` : ''}`,
      })
    })
  }
  return out
}

const FOLLOW_UP_WORDS: Record<string, string> = { policy: '政策讲解', training: '推荐培训', loan: '贷款进展', licence: '证照办理', project: '项目推荐', mentor: '导师辅导' }
const followUpLabel = (kind: string) => FOLLOW_UP_WORDS[kind] ?? '跟进记录'

/**
 * Read-repair of a case's copy of its resident's 我的帮扶进展 switch (`caseNoticesOff`), after the
 * write that copied it (registration, claim) committed. A switch flipped between that write's read
 * of the settings and its commit found no case to copy onto (`notify.setNotice` writes the settings,
 * then copies onto the cases it finds), so the settings are read again here: whichever of the two
 * comes second sees the other. The case is corrected under its version (bumped; three tries);
 * resolves the case as stored after (the same object when nothing changed). One read when the
 * switch did not move.
 */
export async function settleCaseSwitch(store: Store<Collections>, c: Case): Promise<Case> {
  if (!c.residentId) return c
  const off = (await store.collection('noticeSettings').get(c.residentId))?.off.includes('case') ?? false
  let current: Case | null = c
  for (let tries = 0; current && (current.caseNoticesOff === true) !== off && tries < 3; tries++) {
    const set: Partial<Case> = { caseNoticesOff: off, version: current.version + 1 }
    if (await store.collection('cases').update(current._id, { set }, where.eq<Case>('version', current.version))) return { ...current, ...set }
    current = await store.collection('cases').get(current._id)
  }
  return current ?? c
}
