import { type CodeKey, type MadeCode, WxacodeError, wxErrCode } from '../files/mini-codes'
import { type MiniCodePort, type MiniCodeRequest } from './port'

/** `openapi.wxacode.getUnlimited`'s parameters, as wx-server-sdk's cloud call takes them. */
export interface GetUnlimitedParams {
  scene: string
  page: string
  /** False so codes of a page not yet released (trial / develop versions) can be made. */
  checkPath: boolean
  envVersion: 'release' | 'trial' | 'develop'
  width: number
}

/** What the cloud call answers: the image bytes and their type. */
export interface GetUnlimitedResult {
  buffer: Buffer | Uint8Array
  contentType?: string
  errCode?: number
  errMsg?: string
}

/** Serves a code: the kept one, or `generate`s it (see `miniCodeCache`). */
export type ServeCode = (key: CodeKey, keep: boolean, generate: () => Promise<Buffer>, preRelease?: () => Promise<Buffer>) => Promise<MadeCode>

/**
 * The production adapter: WeChat's unlimited mini-program code through the cloud call
 * `cloud.openapi.wxacode.getUnlimited` (wx-server-sdk), injected as `callOpenApi` so this file
 * needs no SDK to compile or test, served through `serve` (kept in cloud storage, with the
 * pre-release fallback). The function must be deployed with the openapi permission
 * `wxacode.getUnlimited` in its config.json.
 */
export function wxacodeMiniCodes(
  callOpenApi: (params: GetUnlimitedParams) => Promise<GetUnlimitedResult>,
  serve: ServeCode,
  envVersion: GetUnlimitedParams['envVersion'] = 'release',
): MiniCodePort {
  return {
    make({ scene, page, width, keep }: MiniCodeRequest): Promise<MadeCode> {
      const call = async (params: GetUnlimitedParams) => {
        const result = await callOpenApi(params)
        const errCode = wxErrCode(result)
        if (errCode !== null) throw new WxacodeError(errCode, result.errMsg ?? '')
        return Buffer.from(result.buffer)
      }
      return serve(
        { page, scene, width },
        keep,
        () => call({ scene, page, checkPath: envVersion === 'release', envVersion, width }),
        // Before the first release WeChat refuses a released code (41030); one for the 体验版 works.
        envVersion === 'release' ? () => call({ scene, page, checkPath: false, envVersion: 'trial', width }) : undefined,
      )
    },
  }
}
