import fs from 'node:fs'
import path from 'node:path'

/**
 * Which AppID a weapp build writes into `dist/weapp/project.config.json`, and whether a build may
 * go ahead with it.
 *
 * Taro's own mechanism: when it generates the output's project.config.json it takes
 * `process.env.TARO_APP_ID` over the root file's `appid` (@tarojs/cli
 * presets/files/generateProjectConfig.js), and it loads `TARO_APP_ID` from `.env`,
 * `.env.local`, `.env.<mode>` and `.env.<mode>.local` as well as the shell
 * (@tarojs/helper dotenvParse). WeChat DevTools and the audit read that file's `appid`;
 * miniprogram-ci takes the AppID as its `appid` option (give it the same value).
 */
export const TOURIST_APPID = 'touristappid'

/** WeChat AppIDs are `wx` followed by 16 letters or digits. */
const APPID = /^wx[0-9a-zA-Z]{16}$/

/** The mode (`taro build --mode check`) for local checks and tests: production code, tourist AppID allowed, never uploaded. */
export const CHECK_MODE = 'check'

export interface AppIdInput {
  /** `process.env.TARO_APP_ID` (shell or `.env*`). */
  envAppId: string | undefined
  /** `appid` of the root project.config.json. */
  fileAppId: string | undefined
  taroEnv: string | undefined
  nodeEnv: string | undefined
  /** Taro's config mode: `--mode`, else NODE_ENV. */
  mode: string | undefined
  command: string | undefined
}

/** The AppID the build will write, as Taro picks it. */
export function effectiveAppId(input: Pick<AppIdInput, 'envAppId' | 'fileAppId'>): string {
  return (input.envAppId || input.fileAppId || '').trim()
}

/**
 * Why this build must not go ahead, or null. Only a production weapp build (`npm run build:weapp`)
 * is checked; `--watch` (development) and `--mode check` keep the tourist AppID for local work.
 */
export function appIdProblem(input: AppIdInput): string | null {
  if (input.taroEnv !== 'weapp' || input.command !== 'build') return null
  if (input.nodeEnv !== 'production' || input.mode === CHECK_MODE) return null
  const appid = effectiveAppId(input)
  const how =
    '设置 TARO_APP_ID=<小程序 AppID>（微信公众平台 → 开发管理 → 开发设置；写在命令前或 .env.production 中），' +
    `再运行 npm run build:weapp。只做本地检查、不上传的构建请用 npm run build:weapp:check（--mode ${CHECK_MODE}）。`
  if (!appid) return `生产构建缺少小程序 AppID：${how}`
  if (appid === TOURIST_APPID) return `生产构建不能使用游客 AppID（${TOURIST_APPID}，只能本地预览、不能上传）：${how}`
  if (!APPID.test(appid)) return `TARO_APP_ID「${appid}」不是小程序 AppID（应为 wx 加 16 位字母或数字）：${how}`
  return null
}

/** Reads the root project.config.json's `appid` (undefined when absent or unreadable). */
export function readFileAppId(root: string): string | undefined {
  try {
    const j = JSON.parse(fs.readFileSync(path.join(root, 'project.config.json'), 'utf8')) as { appid?: unknown }
    return typeof j.appid === 'string' ? j.appid : undefined
  } catch {
    return undefined
  }
}
