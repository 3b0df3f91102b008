/**
 * config/babel-h5-components.js: on H5 each `@tarojs/components` import comes from its own module,
 * built exactly as the package's React wrapper file builds it, so a page's chunk carries only the
 * wrappers it draws (issue 24 item 3).
 */
import { readFileSync } from 'node:fs'
import { transformSync } from '@babel/core'

const plugin = require('../../config/babel-h5-components.js')

function transform(code: string): string {
  const out = transformSync(code, {
    filename: `${__dirname}/x.tsx`,
    babelrc: false,
    configFile: false,
    presets: [[require.resolve('@babel/preset-typescript'), { isTSX: true, allExtensions: true }]],
    plugins: [plugin],
  })
  return out?.code ?? ''
}

const importsOf = (code: string) => [...code.matchAll(/import \{ (\w+)(?: as \w+)? \} from "([^"]+)"/g)].map((m) => [m[1], m[2]] as const)

describe('babel-h5-components', () => {
  it('moves each component to its own module and leaves types alone', () => {
    const code = transform(
      "import type { ITouchEvent } from '@tarojs/components'\nimport { View, Text as T, Block, type CommonEventFunction } from '@tarojs/components'\nexport const a = [View, T, Block]\nexport let f: CommonEventFunction | ITouchEvent | undefined\n",
    )
    const imports = importsOf(code)
    expect(imports.map(([n]) => n)).toEqual(['View', 'Text', 'Block'])
    expect(code).toContain('import { Text as T } from')
    // Nothing but type imports was left on the package, and those the TypeScript preset drops.
    expect(code).not.toMatch(/from ['"]@tarojs\/components['"]/)
  })

  it('generates each wrapper as the package builds it: same tag, props function and element definition', () => {
    const code = transform("import { View, ScrollView, Picker } from '@tarojs/components'\nexport default [View, ScrollView, Picker]\n")
    const files = Object.fromEntries(importsOf(code).map(([n, f]) => [n, readFileSync(f, 'utf8')]))
    const pkg = readFileSync(require.resolve('@tarojs/components/lib/react/components.js'), 'utf8')
    for (const [name, tag] of [
      ['View', 'taro-view-core'],
      ['ScrollView', 'taro-scroll-view-core'],
      ['Picker', 'taro-picker-core'],
    ]) {
      const line = new RegExp(`const ${name} = /\\*@__PURE__\\*/ createReactComponent\\('${tag}', undefined, manipulatePropsFunction, (\\w+)\\);`).exec(pkg)
      expect(line).not.toBeNull()
      const define = line?.[1] ?? ''
      expect(files[name]).toContain(`export const ${name} = /*@__PURE__*/ createReactComponent('${tag}', undefined, manipulatePropsFunction, ${define})`)
      // The element definition comes from that component's own file, not the all-components index.
      expect(files[name]).toMatch(new RegExp(`import \\{ defineCustomElement as ${define} \\} from '@tarojs/components/dist/components/${tag.replace(/-core$/, '')}[\\w-]*\\.js'`))
    }
  })
})
