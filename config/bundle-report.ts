import fs from 'node:fs'
import path from 'node:path'
import type { Compiler, Module } from 'webpack'

/**
 * With `TARO_BUNDLE_REPORT=1`, writes `<output>/bundle-report.txt`: every chunk with its files
 * and its largest modules (source size before minifying), to see what a page pulls in.
 */
export class BundleReportPlugin {
  apply(compiler: Compiler): void {
    compiler.hooks.emit.tap('BundleReportPlugin', (compilation) => {
      const { chunkGraph } = compilation
      const lines: string[] = []
      const label = (m: Module) => m.readableIdentifier(compilation.requestShortener).replace(/^.*!/, '')
      for (const chunk of compilation.chunks) {
        const files = [...chunk.files].join(', ')
        const parts: { name: string; size: number }[] = []
        for (const m of chunkGraph.getChunkModulesIterable(chunk)) {
          // Concatenated modules: list what they are made of.
          const inner = (m as Module & { modules?: Module[] }).modules
          if (inner?.length) for (const i of inner) parts.push({ name: label(i), size: i.size() })
          else parts.push({ name: label(m), size: m.size() })
        }
        const total = parts.reduce((s, p) => s + p.size, 0)
        lines.push(`chunk ${chunk.id} ${chunk.canBeInitial() ? '(initial)' : '(async)'} ${(total / 1024).toFixed(1)} KiB  ${files}`)
        parts.sort((a, b) => b.size - a.size)
        for (const p of parts.slice(0, 30)) lines.push(`    ${(p.size / 1024).toFixed(1).padStart(7)} KiB  ${p.name.slice(0, 140)}`)
      }
      const out = compiler.options.output.path ?? process.cwd()
      fs.mkdirSync(out, { recursive: true })
      fs.writeFileSync(path.join(out, 'bundle-report.txt'), lines.join('\n') + '\n')
    })
  }
}
