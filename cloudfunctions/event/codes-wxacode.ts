import { type MiniCode, type MiniCodePort, type MiniCodeRequest } from './codes'

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

/**
 * The production adapter: WeChat's unlimited mini-program code through the cloud call
 * `cloud.openapi.wxacode.getUnlimited` (wx-server-sdk), injected as `callOpenApi` so this file
 * needs no SDK to compile or test. The function must be deployed with the openapi permission
 * `wxacode.getUnlimited` in its config.json.
 */
export function wxacodeMiniCodes(
  callOpenApi: (params: GetUnlimitedParams) => Promise<GetUnlimitedResult>,
  envVersion: GetUnlimitedParams['envVersion'] = 'release',
): MiniCodePort {
  return {
    async make({ scene, page, width }: MiniCodeRequest): Promise<MiniCode> {
      const result = await callOpenApi({ scene, page, checkPath: envVersion === 'release', envVersion, width })
      if (result.errCode) throw new Error(`wxacode.getUnlimited failed: ${result.errCode} ${result.errMsg ?? ''}`)
      return { png: Buffer.from(result.buffer), url: null }
    },
  }
}
