import { ApiError, ErrorCodes, makeCall, unwrapEnvelope, type Call } from './cloud-core'
import { takeEarlyCall } from './early-requests'
import { postJson } from './http'
import { dropStaffToken, ensureToken, renewResidentToken } from './token'

export * from './cloud-core'

/**
 * H5: the local runtime's `POST /api/fn/<function>` with a bearer token. An expired resident
 * token is renewed once and the call retried; an expired staff session ends the session.
 */
export const call: Call = makeCall(async (fn, action, data) => {
  const path = `/api/fn/${encodeURIComponent(fn)}`
  const body = { action, data }
  const { token, kind } = await ensureToken()
  // The first call index.html already made on a first visit (the home list, a poster's event) (see early-requests.ts).
  let reply = (await takeEarlyCall(path, JSON.stringify(body), token)) ?? (await postJson(path, body, token))
  if (reply.status === 401) {
    if (kind === 'resident') {
      reply = await postJson(path, body, await renewResidentToken())
    } else {
      dropStaffToken()
      throw new ApiError(ErrorCodes.unauthenticated, '登录已过期，请重新登录', [], 401)
    }
  }
  return unwrapEnvelope(reply.body, reply.status)
})
