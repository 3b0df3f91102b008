import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { rebaseCloudfunctionRoot } from '../../config/plugins/weapp-project-config'

/** Taro copies the root project file into dist/weapp; its cloud-function root must follow. */
describe('the weapp output project file', () => {
  function project(rootConfig: object, outConfig: object) {
    const app = fs.mkdtempSync(path.join(os.tmpdir(), 'pcfg-'))
    const out = path.join(app, 'dist', 'weapp')
    fs.mkdirSync(out, { recursive: true })
    fs.writeFileSync(path.join(app, 'project.config.json'), JSON.stringify(rootConfig))
    fs.writeFileSync(path.join(out, 'project.config.json'), JSON.stringify(outConfig))
    const read = () => JSON.parse(fs.readFileSync(path.join(out, 'project.config.json'), 'utf8')) as Record<string, unknown>
    return { app, out, read }
  }

  it('points cloudfunctionRoot at the same folder as the root project, keeping every other field', () => {
    const p = project({ miniprogramRoot: 'dist/weapp/', cloudfunctionRoot: 'dist/functions/' }, { miniprogramRoot: './', cloudfunctionRoot: 'dist/functions/', appid: 'wx0123456789abcdef' })
    expect(rebaseCloudfunctionRoot(p.app, p.out)).toBe('../functions/')
    expect(p.read()).toEqual({ miniprogramRoot: './', cloudfunctionRoot: '../functions/', appid: 'wx0123456789abcdef' })
    expect(path.resolve(p.out, String(p.read().cloudfunctionRoot))).toBe(path.join(p.app, 'dist', 'functions'))
    // Running again (onBuildStart and onBuildComplete both run it) changes nothing.
    expect(rebaseCloudfunctionRoot(p.app, p.out)).toBe('../functions/')
    expect(p.read().cloudfunctionRoot).toBe('../functions/')
  })

  it('leaves a project without cloud functions, or a build without the file, alone', () => {
    const p = project({ miniprogramRoot: 'dist/weapp/' }, { miniprogramRoot: './' })
    expect(rebaseCloudfunctionRoot(p.app, p.out)).toBeNull()
    expect(p.read()).toEqual({ miniprogramRoot: './' })
    expect(rebaseCloudfunctionRoot(p.app, path.join(p.app, 'nowhere'))).toBeNull()
  })
})
