import { ApiError, ErrorCodes } from './cloud'
import { postJson } from './http'
import { dropStaffToken, setStaffToken } from './token'
import { forgetMe } from './profile'

/** Whether this build signs staff in with a username and password. */
export const passwordSignIn: boolean = true

/** Signs a staff member in; their token replaces the resident one until `signOut`. */
export async function signIn(username: string, password: string): Promise<void> {
  const reply = await postJson('/api/auth/staff', { username, password })
  const body = reply.body as { token?: unknown; ok?: unknown; error?: { message?: unknown } } | null
  if (reply.status === 200 && typeof body?.token === 'string' && body.token) {
    setStaffToken(body.token)
    forgetMe()
    return
  }
  if (reply.status === 401 || reply.status === 403) {
    throw new ApiError('BAD_CREDENTIALS', '账号或密码不正确', [], reply.status)
  }
  const message = typeof body?.error?.message === 'string' ? body.error.message : '登录失败，请稍后再试'
  throw new ApiError(ErrorCodes.badResponse, message, [], reply.status)
}

export async function signOut(): Promise<void> {
  dropStaffToken()
  forgetMe()
}
