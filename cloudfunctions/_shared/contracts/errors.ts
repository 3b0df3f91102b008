/**
 * The one error-code vocabulary, shared by the functions, the local runtime and the client
 * (`src/services/cloud-core.ts` builds its `ErrorCodes` from it, adding only the codes a client
 * makes itself when no answer came).
 */
/** The error codes a caller can see, each with its HTTP status. */
export const ERROR_STATUS = {
  VALIDATION: 400,
  UNKNOWN_ACTION: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  TOO_MANY_REQUESTS: 429,
  /** One caller made too many calls (the per-caller limit); the reply says when to try again. */
  RATE_LIMITED: 429,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  LOCKED: 423,
  INTERNAL: 500,
} as const
export type ErrorCode = keyof typeof ERROR_STATUS
