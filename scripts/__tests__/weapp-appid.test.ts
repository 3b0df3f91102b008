/**
 * The AppID comes from configuration (TARO_APP_ID, Taro's own variable), and a production weapp
 * build refuses the tourist AppID or none, naming what to set. Dev builds and `--mode check`
 * (what `npm test` builds) keep working with the tourist AppID.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { appIdProblem, effectiveAppId, readFileAppId, TOURIST_APPID, type AppIdInput } from '../../config/weapp-appid'

const ROOT = path.resolve(__dirname, '..', '..')
const REAL = 'wx0123456789abcdef'
const prodWeapp: AppIdInput = { envAppId: undefined, fileAppId: TOURIST_APPID, taroEnv: 'weapp', nodeEnv: 'production', mode: 'production', command: 'build' }

describe('weapp AppID', () => {
  it('the committed project.config.json carries only the tourist AppID (the real one is configuration)', () => {
    expect(readFileAppId(ROOT)).toBe(TOURIST_APPID)
  })

  it('TARO_APP_ID wins over the file, as Taro writes it into dist/weapp/project.config.json', () => {
    expect(effectiveAppId({ envAppId: REAL, fileAppId: TOURIST_APPID })).toBe(REAL)
    expect(effectiveAppId({ envAppId: '', fileAppId: TOURIST_APPID })).toBe(TOURIST_APPID)
    expect(effectiveAppId({ envAppId: undefined, fileAppId: undefined })).toBe('')
  })

  it('a production weapp build refuses the tourist AppID, none, or something that is not an AppID, naming TARO_APP_ID', () => {
    for (const [input, says] of [
      [prodWeapp, '游客 AppID'],
      [{ ...prodWeapp, fileAppId: undefined }, '缺少小程序 AppID'],
      [{ ...prodWeapp, envAppId: TOURIST_APPID }, '游客 AppID'],
      [{ ...prodWeapp, envAppId: 'wx123' }, '不是小程序 AppID'],
    ] as const) {
      const p = appIdProblem(input)
      expect(p).toContain(says)
      expect(p).toContain('TARO_APP_ID=')
      expect(p).toContain('npm run build:weapp:check')
    }
  })

  it('goes ahead with a real AppID, and for dev builds, check mode, H5 and other commands with the tourist one', () => {
    expect(appIdProblem({ ...prodWeapp, envAppId: REAL })).toBeNull()
    expect(appIdProblem({ ...prodWeapp, fileAppId: REAL })).toBeNull()
    expect(appIdProblem({ ...prodWeapp, nodeEnv: 'development', mode: 'development' })).toBeNull()
    expect(appIdProblem({ ...prodWeapp, mode: 'check' })).toBeNull()
    expect(appIdProblem({ ...prodWeapp, taroEnv: 'h5' })).toBeNull()
    expect(appIdProblem({ ...prodWeapp, command: 'inspect' })).toBeNull()
  })

  it('npm test builds the weapp in check mode; build:weapp stays the production build', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    expect(pkg.scripts['build:weapp']).toBe('taro build --type weapp')
    expect(pkg.scripts['build:weapp:check']).toBe('taro build --type weapp --mode check')
    expect(pkg.scripts.test).toContain('npm run build:weapp:check')
    expect(pkg.scripts.test).not.toMatch(/npm run build:weapp(?!:)/)
  })

  it('`taro build --type weapp` (production) with the tourist AppID stops before building, with the message, exit ≠ 0', () => {
    const marker = path.join(ROOT, 'dist', 'weapp', 'app.json')
    const before = fs.existsSync(marker) ? fs.statSync(marker).mtimeMs : null
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' }
    delete env.TARO_APP_ID
    const r = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 })
    const out = `${r.stdout}\n${r.stderr}`
    expect(r.status).not.toBe(0)
    expect(r.status).not.toBeNull()
    expect(out).toContain('生产构建不能使用游客 AppID')
    expect(out).toContain('TARO_APP_ID=')
    // nothing was built: the existing dist/weapp is untouched
    expect(fs.existsSync(marker) ? fs.statSync(marker).mtimeMs : null).toBe(before)
  }, 90_000)
})
