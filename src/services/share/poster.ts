import type { CodeImage } from '@shared/contracts/file'
import type { PosterContent } from '../../utils/poster-draw'
import { ApiError, ErrorCodes } from '../core/cloud-core'

/**
 * Draws a share poster with the code (inline PNG, or a kept code's cloud file id) and returns
 * something an Image can show. Platform builds: `poster.h5.ts` (a data URL from a DOM canvas),
 * `poster.weapp.ts` (a temp file).
 */
export async function makePoster(_content: PosterContent, _code: CodeImage): Promise<string> {
  throw new ApiError(ErrorCodes.unsupported, '当前平台不支持生成海报')
}

/** Saves the poster where the resident can forward it (photo album / downloads). */
export async function savePoster(_src: string, _filename: string): Promise<void> {
  throw new ApiError(ErrorCodes.unsupported, '当前平台不支持保存海报')
}
