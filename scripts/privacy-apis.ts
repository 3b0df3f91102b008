/**
 * The private APIs (隐私接口) the weapp build calls, found in `src/`, for the README's
 * 用户隐私保护指引 section and for the privacy prompt's coverage.
 *
 * WeChat's list of private APIs and components, by the information the mini-program's
 * 用户隐私保护指引 must declare for them ("小程序用户隐私保护指引内容介绍",
 * https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/miniprogram-intro.html).
 * wx.makePhoneCall, wx.previewImage, wx.openDocument and wx.requestSubscribeMessage are not on it.
 *
 * Usage: npx tsx scripts/privacy-apis.ts   (prints the call sites)
 */
import fs from 'node:fs'
import path from 'node:path'

/** API or component → the item of the 用户隐私保护指引 form it requires. */
export const PRIVATE_APIS: Record<string, string> = {
  'wx.getUserInfo': '用户信息（微信昵称、头像）',
  'wx.getUserProfile': '用户信息（微信昵称、头像）',
  'open-type="chooseAvatar"': '用户信息（微信昵称、头像）',
  'wx.getLocation': '位置信息',
  'wx.getFuzzyLocation': '位置信息',
  'wx.startLocationUpdate': '位置信息',
  'wx.startLocationUpdateBackground': '位置信息',
  'wx.onLocationChange': '位置信息',
  'wx.chooseLocation': '选择的位置信息',
  'wx.choosePoi': '选择的位置信息',
  'wx.chooseAddress': '地址',
  'wx.chooseInvoice': '发票信息',
  'wx.chooseInvoiceTitle': '发票信息',
  'wx.getWeRunData': '微信运动步数',
  'open-type="getPhoneNumber"': '手机号',
  'open-type="getRealtimePhoneNumber"': '手机号',
  'wx.chooseLicensePlate': '车牌号',
  'wx.chooseImage': '选中的照片或视频信息',
  'wx.chooseMedia': '选中的照片或视频信息',
  'wx.chooseVideo': '选中的照片或视频信息',
  'wx.chooseMessageFile': '选中的文件',
  'wx.startRecord': '麦克风',
  'wx.getRecorderManager': '麦克风',
  'wx.joinVoIPChat': '麦克风',
  '<camera>': '摄像头',
  'wx.createVKSession': '摄像头',
  'wx.openBluetoothAdapter': '蓝牙',
  'wx.createBLEPeripheralServer': '蓝牙',
  'wx.saveImageToPhotosAlbum': '相册（仅写入）权限',
  'wx.saveVideoToPhotosAlbum': '相册（仅写入）权限',
  'wx.addPhoneContact': '通讯录（仅写入）权限',
  'wx.addPhoneRepeatCalendar': '日历（仅写入）权限',
  'wx.addPhoneCalendar': '日历（仅写入）权限',
  'wx.setClipboardData': '剪切板',
  'wx.getClipboardData': '剪切板',
  'wx.authorize': '（按所请求的 scope）',
}

export interface CallSite {
  api: string
  /** Path relative to the repository root, `/`-separated. */
  file: string
  line: number
}

const CODE = /\.(ts|tsx|js|jsx)$/

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === '__tests__' || e.name === 'node_modules') continue
    const p = path.join(dir, e.name)
    if (e.isDirectory()) walk(p, out)
    else if (CODE.test(e.name)) out.push(p)
  }
  return out
}

/**
 * Files the weapp build can include: not `*.h5.*`, and not `x.ts` when `x.weapp.ts` exists
 * (Taro resolves `./x` to the `.weapp` file for weapp).
 */
export function weappFiles(srcDir: string): string[] {
  const all = walk(srcDir)
  const set = new Set(all)
  return all
    .filter((f) => !/\.h5\.[jt]sx?$/.test(f))
    .filter((f) => {
      if (/\.weapp\.[jt]sx?$/.test(f)) return true
      const m = /^(.*)\.([jt]sx?)$/.exec(f)!
      return !['ts', 'tsx', 'js', 'jsx'].some((ext) => set.has(`${m[1]}.weapp.${ext}`))
    })
    .sort()
}

function patternFor(api: string): RegExp {
  if (api.startsWith('wx.')) return new RegExp(`\\b(?:Taro|wx)\\.${api.slice(3)}\\b`)
  const openType = /^open-type="(\w+)"$/.exec(api)
  if (openType) return new RegExp(`(?:openType|open-type)=\\{?["'\`]${openType[1]}["'\`]`)
  if (api === '<camera>') return /<(?:Camera|camera)\b/
  throw new Error(`no pattern for ${api}`)
}

/** Every call of a private API in the files the weapp build can include. */
export function findPrivateApiCalls(root: string, srcDir = path.join(root, 'src')): CallSite[] {
  const patterns = Object.keys(PRIVATE_APIS).map((api) => [api, patternFor(api)] as const)
  const out: CallSite[] = []
  for (const file of weappFiles(srcDir)) {
    const lines = fs.readFileSync(file, 'utf8').split('\n')
    lines.forEach((text, i) => {
      if (/^\s*(\*|\/\/)/.test(text)) return
      for (const [api, re] of patterns) if (re.test(text)) out.push({ api, file: path.relative(root, file).split(path.sep).join('/'), line: i + 1 })
    })
  }
  return out
}

/**
 * Files that must mount `<PrivacyPrompt` for a call site: the file itself when it renders
 * (a page or component, .tsx), else every file in src that imports it (a service).
 */
export function promptHosts(root: string, site: CallSite, srcDir = path.join(root, 'src')): string[] {
  if (site.file.endsWith('.tsx')) return [site.file]
  const abs = path.join(root, site.file)
  const modulePath = abs.replace(/(\.weapp)?\.[jt]sx?$/, '')
  const importers: string[] = []
  for (const f of weappFiles(srcDir)) {
    if (f === abs) continue
    const text = fs.readFileSync(f, 'utf8')
    // value imports only: `import type` brings no call along
    for (const m of text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/gm)) {
      if (path.resolve(path.dirname(f), m[1]) === modulePath) importers.push(path.relative(root, f).split(path.sep).join('/'))
    }
  }
  return importers.sort()
}

/** The APIs listed in the README's "用户隐私保护指引" table (first column, in backticks). */
export function readmePrivacyApis(readme: string): string[] {
  const start = readme.search(/^## 用户隐私保护指引/m)
  if (start < 0) return []
  const rest = readme.slice(start + 3)
  const end = rest.search(/^## /m)
  const section = end < 0 ? rest : rest.slice(0, end)
  const apis: string[] = []
  for (const line of section.split('\n')) {
    const m = /^\|\s*`([^`]+)`\s*\|/.exec(line)
    if (m) apis.push(m[1])
  }
  return apis
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..')
  for (const s of findPrivateApiCalls(root)) console.log(`${s.api}\t${PRIVATE_APIS[s.api]}\t${s.file}:${s.line}`)
}
