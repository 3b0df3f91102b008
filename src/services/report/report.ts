import type { HonorSaveInput, ReportBox } from '@shared/contracts/report'
import type { HonorKind } from '@shared/domain/report'
import { call } from '../core/cloud'

/** 简报 upward and 表彰 (the `report` function). */
export const reportTargets = () => call('report', 'targets', {})
export const listReports = (box: ReportBox, opts: { unread?: boolean; after?: string | null; limit?: number } = {}) => call('report', 'list', { box, ...opts })
export const getReport = (id: string) => call('report', 'get', { id })
export const sendReport = (input: Parameters<typeof call<'report', 'send'>>[2]) => call('report', 'send', input)
export const commentReport = (id: string, text: string) => call('report', 'comment', { id, text })
export const forwardReport = (id: string) => call('report', 'forward', { id })
export const markGoodReport = (id: string, note = '') => call('report', 'markGood', { id, note })
export const listHonors = (year: number) => call('report', 'honors', { year })
export const closeHonors = (year: number, closed: boolean) => call('report', 'honorClose', { year, closed })
export const honorCandidates = (kind: HonorKind, keyword: string) => call('report', 'honorCandidates', { kind, keyword })
export const saveHonor = (input: HonorSaveInput) => call('report', 'honorSave', input)
export const recordHonorConsent = (id: string, consent: boolean, how: string) => call('report', 'honorConsent', { id, consent, how })
