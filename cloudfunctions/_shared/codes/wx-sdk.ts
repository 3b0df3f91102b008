import { wxOpenApi } from '../runtime/wx-server-sdk'
import type { GetUnlimitedParams, GetUnlimitedResult } from './wxacode'

/** WeChat's cloud call `openapi.wxacode.getUnlimited` (wx-server-sdk, loaded on first use). */
export async function getUnlimited(params: GetUnlimitedParams): Promise<GetUnlimitedResult> {
  return wxOpenApi<{ wxacode: { getUnlimited(params: GetUnlimitedParams): Promise<GetUnlimitedResult> } }>().wxacode.getUnlimited(params)
}
