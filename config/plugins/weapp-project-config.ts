import fs from 'node:fs'
import path from 'node:path'

/**
 * Taro writes `dist/weapp/project.config.json` from the root one with `miniprogramRoot: './'`
 * (@tarojs/cli presets/files/generateProjectConfig.js) but copies `cloudfunctionRoot` as is, so a
 * DevTools project opened at `dist/weapp` (or miniprogram-ci pointed there) looked for the cloud
 * functions in `dist/weapp/dist/functions/`. The output's cloud-function root is re-based here
 * onto the output directory, so both project files point at the same `dist/functions/`.
 */
export function rebaseCloudfunctionRoot(appPath: string, outputPath: string): string | null {
  const file = path.join(outputPath, 'project.config.json')
  if (!fs.existsSync(file)) return null
  const config = JSON.parse(fs.readFileSync(file, 'utf8')) as { cloudfunctionRoot?: unknown }
  const rootConfig = JSON.parse(fs.readFileSync(path.join(appPath, 'project.config.json'), 'utf8')) as { cloudfunctionRoot?: unknown }
  if (typeof rootConfig.cloudfunctionRoot !== 'string') return null
  const target = path.resolve(appPath, rootConfig.cloudfunctionRoot)
  const rebased = `${path.relative(outputPath, target).split(path.sep).join('/')}/`
  if (config.cloudfunctionRoot === rebased) return rebased
  fs.writeFileSync(file, `${JSON.stringify({ ...config, cloudfunctionRoot: rebased }, null, 2)}\n`)
  return rebased
}

interface PluginContext {
  paths: { appPath: string; outputPath: string }
  onBuildStart(fn: () => void): void
  onBuildComplete(fn: () => void): void
}

export default (ctx: PluginContext) => {
  const run = () => {
    if (process.env.TARO_ENV === 'weapp') rebaseCloudfunctionRoot(ctx.paths.appPath, ctx.paths.outputPath)
  }
  ctx.onBuildStart(run)
  ctx.onBuildComplete(run)
}
