import type { AttendeesInput, CancelOutput, CheckinOutput, EventDraftInput, SignupInput } from '@shared/contracts/event'
import { REFUSALS } from '@shared/domain/event'
import { ApiError, call, ErrorCodes, errorMessage, isApiError } from '../core/cloud'
import { appOrigin } from '../core/app-origin'
import { dropPending, newRequestId, pendingSend, sendReliably, type SendOptions } from '../core/outbox'


const RETRY_DELAYS_MS = [600, 1500, 3000]

/**
 * Calls a resident action that carries a request id, retrying lost requests (poor signal in a
 * crowded hall) with the same id: the server answers a retry with what the first call did.
 */
async function withRetry<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send()
    } catch (e) {
      if (!isApiError(e) || e.code !== ErrorCodes.network || attempt >= RETRY_DELAYS_MS.length) throw e
      await new Promise((r) => setTimeout(r, RETRY_DELAYS_MS[attempt]))
    }
  }
}

const REFUSAL_MESSAGES = new Set<string>(Object.values(REFUSALS))

/** The server's reason when it refused on purpose (already signed up, expired code…), else the usual words. */
export function eventErrorMessage(e: unknown): string {
  if (isApiError(e) && REFUSAL_MESSAGES.has(e.message)) return e.message
  return errorMessage(e)
}

export { listEvents } from './list'
export const getEvent = (id: string) => call('event', 'get', { id })
export const resolveScene = (scene: string) => call('event', 'resolve', { scene })
export const saveEvent = (draft: EventDraftInput) => call('event', 'save', draft)
export const listAttendees = (input: AttendeesInput) => call('event', 'attendees', input)
/** 我的活动: the events and courses I signed up for, upcoming and past. */
export const myActivities = () => call('event', 'mine', {})

type SignupRequest = Omit<SignupInput, 'requestId'>

const signupKey = (eventId: string) => `signup.${eventId}`

/**
 * Signs up, kept in the outbox until the server answers: a dropped connection is retried with
 * the same request id (`onWaiting` fires so the page can say "已保存，正在发送…"), and a sign-up
 * the app closed on is offered again by `pendingSignup`.
 */
export function signUp(input: SignupRequest, options: SendOptions = {}) {
  return sendReliably(signupKey(input.eventId), input, (data, requestId) => call('event', 'signup', { ...data, requestId }), options)
}

/** A sign-up to this event sent earlier that the server has not confirmed yet. */
export function pendingSignup(eventId: string): SignupRequest | null {
  return pendingSend<SignupRequest>(signupKey(eventId))?.input ?? null
}

/** The server already shows my sign-up: nothing is left to send. */
export const forgetPendingSignup = (eventId: string) => dropPending(signupKey(eventId))

export function cancelSignup(eventId: string): Promise<CancelOutput> {
  const requestId = newRequestId()
  return withRetry(() => call('event', 'cancel', { mode: 'signup', eventId, requestId }))
}

export function cancelEvent(eventId: string, reason: string): Promise<CancelOutput> {
  return call('event', 'cancel', { mode: 'event', eventId, reason })
}

export async function checkInByScan(eventId: string, scene: string): Promise<CheckinOutput> {
  const requestId = newRequestId()
  const out = await withRetry(() => call('event', 'checkin', { mode: 'scan', eventId, scene, requestId }))
  if (!('outcome' in out)) throw new ApiError(ErrorCodes.badResponse, '签到结果异常，请刷新')
  return out
}

export async function checkInByStaff(eventId: string, signupId: string) {
  const out = await call('event', 'checkin', { mode: 'manual', eventId, signupId })
  if ('outcome' in out) throw new ApiError(ErrorCodes.badResponse, '签到结果异常，请刷新')
  return out
}

/** The poster's code or the current check-in code (a QR of this H5 app's URL, or a mini-program code). */
export function getCode(id: string, purpose: 'poster' | 'checkin') {
  const origin = appOrigin()
  return call('event', 'code', origin ? { id, purpose, origin } : { id, purpose })
}

export const exportAttendees = (eventId: string) => call('event', 'export', { eventId })
