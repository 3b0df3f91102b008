/**
 * Staff sign-in. In WeChat (this default) staff are recognised by their bound WeChat identity,
 * so there is no password sign-in and nothing to sign out of. `session.h5.ts` is the local
 * runtime's username/password session.
 */
import { ApiError, ErrorCodes } from './cloud'

/** Whether this build signs staff in with a username and password. */
export const passwordSignIn: boolean = false

export async function signIn(_username: string, _password: string): Promise<{ mustChangePassword: boolean }> {
  throw new ApiError(ErrorCodes.unsupported, '请在微信中由管理员绑定身份后使用')
}

export async function changePassword(_oldPassword: string, _newPassword: string): Promise<void> {
  throw new ApiError(ErrorCodes.unsupported, '微信中的工作人员没有密码')
}

export async function signOut(): Promise<void> {
  // Nothing to end: the WeChat identity stays.
}
