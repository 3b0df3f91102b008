/**
 * Every private API the weapp build calls is listed in the README's 用户隐私保护指引 (and nothing
 * else is), and every page that calls one mounts the privacy prompt.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { findPrivateApiCalls, PRIVATE_APIS, promptHosts, readmePrivacyApis, weappFiles } from '../privacy-apis'

const ROOT = path.resolve(__dirname, '..', '..')
const uniq = (xs: string[]) => [...new Set(xs)].sort()

describe('private APIs (隐私接口)', () => {
  const calls = findPrivateApiCalls(ROOT)

  it('the README lists exactly the private APIs src calls', () => {
    const listed = readmePrivacyApis(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'))
    expect(listed.length).toBeGreaterThan(0)
    for (const api of listed) expect(Object.keys(PRIVATE_APIS)).toContain(api)
    expect(uniq(listed)).toEqual(uniq(calls.map((c) => c.api)))
  })

  it('each README row names the information WeChat asks for that API', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')
    for (const api of uniq(calls.map((c) => c.api))) {
      const row = readme.split('\n').find((l) => l.startsWith(`| \`${api}\` |`))
      expect(row?.split('|')[2].trim()).toBe(PRIVATE_APIS[api])
    }
  })

  it('every page or component that leads to a private API mounts <PrivacyPrompt', () => {
    const missing: string[] = []
    for (const site of calls) {
      const hosts = promptHosts(ROOT, site)
      if (hosts.length === 0) missing.push(`${site.file}:${site.line} (${site.api}): nothing in src imports it`)
      for (const h of hosts) if (!/<PrivacyPrompt\b/.test(fs.readFileSync(path.join(ROOT, h), 'utf8'))) missing.push(`${h} (${site.api} via ${site.file}:${site.line})`)
    }
    expect(missing).toEqual([])
  })

  it('the app config asks WeChat for the privacy check in weapp', () => {
    expect(fs.readFileSync(path.join(ROOT, 'src/app.config.ts'), 'utf8')).toMatch(/TARO_ENV === 'weapp' \? \{ __usePrivacyCheck__: true \}/)
  })

  describe('the scanner', () => {
    let dir: string
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-apis-'))
      const w = (rel: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
        fs.writeFileSync(path.join(dir, rel), text)
      }
      w('src/pages/a/index.tsx', "import { pick } from '../../services/photo'\nexport default () => <View />\n")
      w('src/pages/b/index.tsx', "import { pick } from '../../services/photo'\nexport default () => <View><PrivacyPrompt purpose='x' /></View>\n")
      w('src/services/photo.ts', 'export const pick = () => undefined\n')
      w('src/services/photo.weapp.ts', 'export const pick = () => Taro.chooseMedia({ count: 1 })\n')
      w('src/services/photo.h5.ts', 'export const pick = () => Taro.getLocation({})\n')
      w('src/pages/c/index.tsx', "// Taro.scanCode and wx.getClipboardData in a comment are not calls\nconst x = <Button openType='getPhoneNumber' />\n")
      w('src/pages/__tests__/t.test.ts', 'Taro.chooseAddress()\n')
    })
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

    it('finds calls in weapp files only (not *.h5.*, not the base of a .weapp file, not tests or comments)', () => {
      expect(weappFiles(path.join(dir, 'src')).map((f) => path.relative(dir, f))).toEqual([
        'src/pages/a/index.tsx',
        'src/pages/b/index.tsx',
        'src/pages/c/index.tsx',
        'src/services/photo.weapp.ts',
      ])
      expect(findPrivateApiCalls(dir)).toEqual([
        { api: 'open-type="getPhoneNumber"', file: 'src/pages/c/index.tsx', line: 2 },
        { api: 'wx.chooseMedia', file: 'src/services/photo.weapp.ts', line: 1 },
      ])
    })

    it("a service's call must be covered by every page importing it", () => {
      const site = findPrivateApiCalls(dir).find((c) => c.api === 'wx.chooseMedia')!
      expect(promptHosts(dir, site)).toEqual(['src/pages/a/index.tsx', 'src/pages/b/index.tsx'])
    })
  })
})
