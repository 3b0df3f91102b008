/**
 * Native components the app declares in `usingComponents` that never hold Taro children, written
 * into Taro's `base.wxml` once instead of once per template level.
 *
 * Taro's weapp templates cannot recurse, so `base.wxml` repeats every component's template for each
 * of `baseLevel` (16) levels, each with a loop over its children (@tarojs/shared template.ts,
 * `buildThirdPartyTemplate`). For a third-party component that Taro's template lists in
 * `nestElements` with a maximum of 1 it writes level 0 only, and the level chooser in `utils.wxs`
 * (`buildXSTmplName`) then sends that component to `tmpl_0_<name>` at any depth; a component in
 * `voidElements` gets no children loop. `ec-canvas` (staff/components/ec-canvas, the dashboard's
 * chart) is a leaf drawn by its own WXML: 16 copies of its template were ~4 KB of the main package's
 * `base.wxml` for one staff page. `scripts/__tests__/weapp-build.test.ts` checks the output.
 */
export const LEAF_COMPONENTS = ['ec-canvas'] as const

interface TemplateLike {
  nestElements: Map<string, number>
  voidElements: Set<string>
}

interface PluginContext {
  modifyComponentConfig(fn: (args: { config: { template?: TemplateLike } }) => void): void
}

export default (ctx: PluginContext) => {
  // Called by the mini runner with the build's options, `template` being the platform's template
  // instance that later writes base.wxml and utils.wxs (@tarojs/cli presets/commands/build.js).
  ctx.modifyComponentConfig(({ config }) => {
    const template = config.template
    if (process.env.TARO_ENV !== 'weapp' || !template) return
    for (const name of LEAF_COMPONENTS) {
      template.nestElements.set(name, 1)
      template.voidElements.add(name)
    }
  })
}
