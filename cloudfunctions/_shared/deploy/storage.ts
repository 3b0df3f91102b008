/**
 * The cloud storage rule, declared once; `cloud:setup` applies it (CUSTOM security rule of the
 * environment's bucket). Functions (the server SDK) are never limited by it; it decides only what
 * the mini-program may read and write directly (docs: 云存储安全规则, `auth.openid`,
 * `resource.openid`, `resource.path`; a regex test must be compared with `== true`).
 *
 * - Residents upload feedback photos straight to storage (a call carries ~256 KB at most), only
 *   under `feedback-uploads/`, and may read or replace only their own; staff see them through
 *   the function's temporary links.
 * - Exports (`exports/…`, 128 random bits in the path) and mini-program codes (`mini-codes/…`)
 *   are written by functions and handed to the client as file ids; any signed-in user holding the
 *   id may download it (an export's id is given only to the staff member who made it).
 * - Nothing else is readable or writable from the client.
 */
export const STORAGE_RULE = {
  read: "auth != null && (resource.openid == auth.openid || /^exports/.test(resource.path) == true || /^mini-codes/.test(resource.path) == true)",
  write: 'auth != null && resource.openid == auth.openid && /^feedback-uploads/.test(resource.path) == true',
} as const
