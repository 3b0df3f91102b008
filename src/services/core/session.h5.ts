import { ApiError, ErrorCodes } from './cloud'
import { postJson } from './http'
import { activeToken, dropStaffToken, setStaffToken } from './token'
import { forgetMe } from '../profile/profile'

/** Whether this build signs staff in with a username and password. */
export const passwordSignIn: boolean = true

/**
 * Signs a staff member in; their token replaces the resident one until `signOut`. Resolves
 * `mustChangePassword` when the account still has its initial password.
 */
export async function signIn(username: string, password: string): Promise<{ mustChangePassword: boolean }> {
  const reply = await postJson('/api/auth/staff', { username, password })
  const body = reply.body as
    | { token?: unknown; mustChangePassword?: unknown; ok?: unknown; error?: { message?: unknown } }
    | null
  if (reply.status === 200 && typeof body?.token === 'string' && body.token) {
    setStaffToken(body.token)
    forgetMe()
    return { mustChangePassword: body.mustChangePassword === true }
  }
  if (reply.status === 401 || reply.status === 403) {
    throw new ApiError('BAD_CREDENTIALS', '账号或密码不正确', [], reply.status)
  }
  const message = typeof body?.error?.message === 'string' ? body.error.message : '登录失败，请稍后再试'
  throw new ApiError(ErrorCodes.badResponse, message, [], reply.status)
}

/** Replaces the signed-in staff member's password; field errors come back as `ApiError.fields`. */
export async function changePassword(oldPassword: string, newPassword: string): Promise<void> {
  const reply = await postJson('/api/auth/password', { oldPassword, newPassword }, activeToken()?.token)
  // The change ends every older session of the account, this one included: use the new token.
  const token = (reply.body as { token?: unknown } | null)?.token
  if (reply.status === 200 && typeof token === 'string' && token) {
    setStaffToken(token)
    return
  }
  const body = reply.body as { error?: { code?: unknown; message?: unknown; fields?: { path: string; message: string }[] } } | null
  const message = typeof body?.error?.message === 'string' ? body.error.message : '修改失败，请稍后再试'
  throw new ApiError(ErrorCodes.badResponse, message, body?.error?.fields ?? [], reply.status)
}

export async function signOut(): Promise<void> {
  dropStaffToken()
  forgetMe()
}
