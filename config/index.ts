import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'
import { BundleReportPlugin } from './bundle-report'
import { ServerOnlyGuardPlugin } from './server-only-guard'
import { type EntryCall, type EntryPage, H5HomePreloadPlugin, HOME_FIRST_CALL } from './h5-home-preload'
import { readConfig } from '@tarojs/helper'
import { appIdProblem, readFileAppId } from './weapp-appid'
/**
 * Weapp settings that change only how many bytes the same code takes (issue 24: main package
 * ≤ 1.15× the floor). JSON so the bench's floor config (bench/floor/config/index.ts) reads the very
 * same values: the app and the floor are built alike and the ratio compares code, not settings.
 * - `autoprefixer`: package.json's browserslist ("Android >= 4.1, ios >= 8") is for H5; applied to
 *   WXSS it wrote `-webkit-`/`-ms-` copies of every flex, box-shadow and animation declaration (about
 *   10 KB of the main package's 36 KB of WXSS). WeChat draws WXSS in its own WebView (iOS WKWebView,
 *   Android XWeb, Chromium-based) and, with `setting.postcss: false` in project.config.json, uploads
 *   WXSS as built; the targets here are older than those WebViews. Taro merges `config` into its own
 *   autoprefixer defaults (`{ flexbox: 'no-2009' }`, @tarojs/webpack5-runner postcss/postcss.mini.js).
 * - `terser`: Taro's mini default prints strings `ascii_only` (@tarojs/webpack5-runner
 *   webpack/MiniBaseConfig.js), so each Chinese character of a label took a 6-byte `\uXXXX` escape
 *   instead of 3 bytes of UTF-8; WeChat reads package JS as UTF-8. Only the output format changes:
 *   `recursiveMerge` keeps Taro's other terser options (BaseConfig.setMinimizer).
 */
import miniSize from './mini-size.json'

const root = path.resolve(__dirname, '..')
const sharedDir = path.resolve(root, 'cloudfunctions/_shared')
/**
 * Packages published as modern JS that must still go through Babel to meet the engines named in
 * babel.config.js (valibot ships `?.` and `??`, which iOS 13.0-13.3 cannot parse).
 * `scripts/__tests__/weapp-build.test.ts` parses every built file at that level.
 */
const modernPackages = [path.resolve(root, 'node_modules/valibot')]

/**
 * `TARO_APP_*` values from the shell win over nothing; `.env*` files (Taro's own mechanism)
 * still override them. `src/env.ts` validates the values at start-up.
 */
function appEnv(): Record<string, string> {
  const keys = ['TARO_APP_CLOUD_ENV', 'TARO_APP_API_BASE'] as const
  const out: Record<string, string> = {}
  for (const key of keys) out[key] = JSON.stringify(process.env[key] ?? '')
  return out
}

const NODE_MODULES = /[\\/]node_modules[\\/]/
const TARO_PACKAGE = /@tarojs[\\/][a-z]+/

/**
 * taro-ui's stylesheets (and the theme prepended to ours) use Sass `@import`; its deprecation
 * notice would otherwise print once per stylesheet on every build.
 */
const sassLoaderOption = {
  sassOptions: { silenceDeprecations: ['legacy-js-api', 'import'] },
}

/**
 * H5 chunking: Taro's runtime with the entry; code two or more pages share in shared chunks, at most
 * four per page load (`maxAsyncRequests`). A page opened cold on a slow network pays a round trip
 * per request and a browser opens six connections per host on HTTP/1.1: the poster's event page
 * went from 11 files to 5 (13.7 → 8.6 s to its sign-up form on slow 3G with the preload), at the
 * price of shared code repeated in more page chunks (dist/h5/js 2.62 → 3.74 MB on disk, mostly
 * staff pages). scripts/__tests__/h5-first-screen-modules.test.ts and the e2e deep-link test
 * read the result.
 */
function h5SplitChunks() {
  const inNodeModules = (m: { resource?: string }) => NODE_MODULES.test(m.resource ?? '')
  return {
    chunks: 'all' as const,
    minSize: 10000,
    maxAsyncRequests: 4,
    hidePathInfo: true,
    cacheGroups: {
      default: false as const,
      defaultVendors: false as const,
      taro: {
        chunks: 'initial' as const,
        test: (m: { context?: string | null }) => TARO_PACKAGE.test(m.context ?? ''),
        priority: 100,
      },
      vendors: { test: inNodeModules, minChunks: 2, priority: 10, reuseExistingChunk: true },
      common: { minChunks: 2, priority: 1, reuseExistingChunk: true },
    },
  }
}

/**
 * H5: modules almost every page uses, the home page among them, made part of the entry. Taro's
 * router loads each page as an async chunk group, so a module shared by all pages went into
 * shared async chunks that every one of the 66 routes in the entry's route table listed by id, and
 * that a deep link (a poster's event page) fetched only after the entry had run. As entry modules
 * they download with the entry, and the routes list only what their pages add: Taro's View and Text
 * wrappers (config/babel-h5-components.js), taro-ui's shared helpers, the request layer and the
 * page states' styles. Measured: 252 fewer chunk ids in the route table, 4 fewer files on the
 * first screen.
 * scripts/__tests__/h5-first-screen-modules.test.ts checks no async chunk is listed by nearly every route.
 */
function h5EntryShared(): string[] {
  const wrappers = (require('./babel-h5-components.js') as { wrapperModules(): Map<string, string> }).wrapperModules()
  const fromRoot = (request: string) => require.resolve(request, { paths: [root] })
  return [
    ...['View', 'Text'].map((name) => {
      const file = wrappers.get(name)
      if (!file) throw new Error(`h5EntryShared: no generated wrapper for ${name} (config/babel-h5-components.js)`)
      return file
    }),
    fromRoot('classnames'),
    fromRoot('prop-types'),
    fromRoot('taro-ui/lib/common/utils'),
    path.resolve(root, 'src', 'services', 'core', 'cloud.h5.ts'),
    path.resolve(root, 'src', 'hooks', 'use-load.ts'),
    // The loading / empty / error states' styles (page-state), which nearly every page can show.
    path.resolve(root, 'src', 'components', 'page-state', 'index.scss'),
  ]
}

// https://docs.taro.zone/docs/config
export default defineConfig<'webpack5'>(async (merge, { command, mode }) => {
  // A production weapp build must carry the mini-program's own AppID (see config/weapp-appid.ts).
  const problem = appIdProblem({
    envAppId: process.env.TARO_APP_ID,
    fileAppId: readFileAppId(root),
    taroEnv: process.env.TARO_ENV,
    nodeEnv: process.env.NODE_ENV,
    mode,
    command,
  })
  if (problem) {
    console.error(`\n✖ ${problem}\n`)
    throw new Error(problem)
  }
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'chuangye-shequ',
    date: '2025-1-1',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [path.resolve(__dirname, 'plugins/weapp-project-config.ts'), path.resolve(__dirname, 'plugins/weapp-leaf-components.ts')],
    env: appEnv(),
    defineConstants: {},
    alias: {
      '@': path.resolve(root, 'src'),
      '@shared': sharedDir,
    },
    // Variables only (no CSS output): prepended to every stylesheet, taro-ui's included, so
    // taro-ui's `!default` variables take the app theme.
    sass: {
      resource: [path.resolve(root, 'src/styles/_theme.scss')],
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // Persistent webpack cache (TARO_CACHE=0 turns it off). The theme is injected as loader
    // options, which the cache does not see, so a theme change must drop the whole cache.
    cache: {
      enable: process.env.TARO_CACHE !== '0',
      buildDependencies: {
        theme: [path.resolve(root, 'src/styles/_theme.scss')],
        config: [__filename, path.resolve(__dirname, 'dev.ts'), path.resolve(__dirname, 'prod.ts'), path.resolve(__dirname, 'h5-home-preload.ts'), path.resolve(__dirname, 'mini-size.json')],
        // The H5 router's entry is generated from the page list, which the cache does not see
        // either: a page moved to a subpackage must not be looked for at its old path.
        pages: [path.resolve(root, 'src/app.config.ts'), path.resolve(root, 'cloudfunctions/_shared/domain/pages.ts')],
      },
    },
    mini: {
      optimizeMainPackage: { enable: true },
      // Main-package bytes (issue 24): see mini-size.json above; the bench's floor uses the same.
      // `mini.terser` overrides the top-level one for this platform only (@tarojs/service Config.getConfigs
      // spreads `initialConfig.mini` over it); the type knows only the top-level key.
      ...({ terser: miniSize.terser } as Record<string, unknown>),
      sassLoaderOption,
      // Components' styles use their own BEM names, so the order pages pull them in is irrelevant.
      miniCssExtractPluginOption: { ignoreOrder: true },
      // The shared contracts and domain live outside `src` and must go through Babel too.
      compile: { include: [sharedDir, ...modernPackages] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        autoprefixer: miniSize.autoprefixer,
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.plugin('server-only-guard').use(ServerOnlyGuardPlugin, [{ root }])
        if (process.env.TARO_BUNDLE_REPORT === '1') chain.plugin('bundle-report').use(BundleReportPlugin)
        if (process.env.TARO_SOURCEMAP === '1') chain.devtool('source-map')
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      sassLoaderOption,
      // taro-ui's styles are written in 750-wide design px; on H5 only listed packages get the
      // px → rem transform (the mini-program build transforms everything).
      esnextModules: ['taro-ui'],
      compile: { include: [sharedDir, ...modernPackages] },
      output: {
        filename: 'js/[name].[contenthash:6].js',
        chunkFilename: 'js/[name].[contenthash:6].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:6].css',
        chunkFilename: 'css/[name].[contenthash:6].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain, webpack) {
        chain.plugin('server-only-guard').use(ServerOnlyGuardPlugin, [{ root }])
        if (process.env.TARO_BUNDLE_REPORT === '1') chain.plugin('bundle-report').use(BundleReportPlugin)
        if (process.env.TARO_SOURCEMAP === '1') chain.devtool('source-map')
        for (const module of h5EntryShared()) chain.entry('app').add(module)
        // The app draws the H5 tab bar (src/components/tab-bar); Taro's element, which its router
        // imports whether or not it draws it, is left out (config/h5-no-tabbar.js).
        chain.plugin('h5-no-tabbar').use(webpack.NormalModuleReplacementPlugin, [/[\\/]@tarojs[\\/]components[\\/]dist[\\/]components[\\/]taro-tabbar\.js$/, path.resolve(root, 'config', 'h5-no-tabbar.js')])
        // Taro splits only initial chunks on H5, so every lazily loaded page carried its own copy
        // of the component wrappers, taro-ui and the request code. Share them between pages.
        chain.optimization.splitChunks(h5SplitChunks())
        // The home page's chunks download beside the entry instead of after it (see the plugin).
        // Taro loads this file with a TypeScript register limited to config/, so the page map is
        // read through app.config (as Taro itself reads it): its first page is the home page.
        const home = (readConfig(path.resolve(root, 'src/app.config.ts')) as { pages: string[] }).pages[0]
        // The home page's first list call, asked for by index.html while the JS downloads.
        const homeCall = HOME_FIRST_CALL
        // Pages residents open from outside the app (a poster's QR code, a share): their files and
        // first call start from index.html too (src/entry-pages.ts).
        const entries = readConfig(path.resolve(root, 'src/entry-pages.ts')) as { pages: EntryPage[]; calls: EntryCall[] }
        const entryPages = entries.pages.map((p) => ({ route: p.route, source: path.resolve(root, 'src', p.source) }))
        chain.plugin('h5-home-preload').use(H5HomePreloadPlugin, [{ homeSource: path.resolve(root, 'src', `${home}.tsx`), homeRoute: home, publicPath: '/', apiBase: (process.env.TARO_APP_API_BASE ?? '').trim().replace(/\/+$/, ''), homeCall, manifest: { file: path.resolve(root, 'dist', 'h5-first-screen.json'), root }, entryPages, entryCalls: entries.calls }])
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
