import type { MadeCode } from '../files/mini-codes'

/**
 * The mini-program code port. In production it is WeChat's `wxacode.getUnlimited` (an
 * unlimited code whose scene is at most 32 characters); in the local runtime a QR code of the
 * H5 URL with the same scene. Bound in the composition roots: `index.ts` and `server/functions.ts`.
 */
export interface MiniCodeRequest {
  /** At most 32 characters (WeChat's limit). */
  scene: string
  /** The page the code opens, without a leading slash (`pages/event/index`). */
  page: string
  /**
   * Where the H5 app is served, for a QR of its URL (local runtime); a mini-program code
   * ignores it.
   */
  origin: string | null
  /** Side of the image in pixels. */
  width: number
  /**
   * Whether the code is worth keeping (a poster's, whose scene does not change); rotating
   * check-in codes pass false. Only the CloudBase adapter keeps codes.
   */
  keep: boolean
}

/** A made code: inline PNG, or the cloud file id of a kept one (`_shared/files/mini-codes.ts`). */
export type MiniCode = MadeCode

export interface MiniCodePort {
  make(request: MiniCodeRequest): Promise<MiniCode>
}

/** Raised by an adapter when it cannot make a code for this request (maps to 400 on `origin`). */
export class MiniCodeInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message)
    this.name = 'MiniCodeInputError'
  }
}
