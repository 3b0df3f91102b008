/**
 * The floor's build config: the app's own settings (config/index.ts + config/prod.ts) minus what
 * belongs to the app alone (its aliases, theme, AppID check, project.config plugin, server-only
 * guard). `FLOOR_OUT` (set by bench/floor.ts) is where the build goes, keyed by the lockfile hash.
 */
import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
// The app's weapp size settings (autoprefixer targets, terser output), shared so the ratio compares code.
import miniSize from '../../../config/mini-size.json'

const NODE_MODULES = /[\\/]node_modules[\\/]/
const TARO_PACKAGE = /@tarojs[\\/][a-z]+/
const sassLoaderOption = { sassOptions: { silenceDeprecations: ['legacy-js-api', 'import'] } }

// Same H5 chunking as the app (config/index.ts h5SplitChunks).
function h5SplitChunks() {
  const inNodeModules = (m: { resource?: string }) => NODE_MODULES.test(m.resource ?? '')
  return {
    chunks: 'all' as const,
    minSize: 10000,
    hidePathInfo: true,
    cacheGroups: {
      default: false as const,
      defaultVendors: false as const,
      taro: { chunks: 'initial' as const, test: (m: { context?: string | null }) => TARO_PACKAGE.test(m.context ?? ''), priority: 100 },
      vendors: { test: inNodeModules, minChunks: 2, priority: 10, reuseExistingChunk: true },
      common: { minChunks: 2, priority: 1, reuseExistingChunk: true },
    },
  }
}

export default defineConfig<'webpack5'>(() => {
  const out = process.env.FLOOR_OUT ?? path.resolve(__dirname, '..', 'dist')
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'floor',
    date: '2025-1-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: path.join(out, process.env.TARO_ENV ?? 'weapp'),
    plugins: [],
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      optimizeMainPackage: { enable: true },
      // `mini.terser` overrides the top-level one for this platform only (@tarojs/service Config.getConfigs
      // spreads `initialConfig.mini` over it); the type knows only the top-level key.
      ...({ terser: miniSize.terser } as Record<string, unknown>),
      sassLoaderOption,
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        autoprefixer: miniSize.autoprefixer,
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      sassLoaderOption,
      esnextModules: ['taro-ui'],
      enableSourceMap: false,
      output: { filename: 'js/[name].[contenthash:6].js', chunkFilename: 'js/[name].[contenthash:6].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:6].css', chunkFilename: 'css/[name].[contenthash:6].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.optimization.splitChunks(h5SplitChunks())
      },
    },
  }
  return config
})
