import path from 'node:path'
import type { Compiler } from 'webpack'

/**
 * Fails the client build when app code pulls in server-only parts of `cloudfunctions/`
 * (store adapters, runtime, function entries). The client may use only
 * `cloudfunctions/_shared/contracts` and `cloudfunctions/_shared/domain`.
 */
export class ServerOnlyGuardPlugin {
  private readonly functionsDir: string
  private readonly allowed: string[]

  constructor(options: { root: string }) {
    this.functionsDir = path.join(options.root, 'cloudfunctions') + path.sep
    this.allowed = ['contracts', 'domain'].map((d) => path.join(this.functionsDir, '_shared', d) + path.sep)
  }

  apply(compiler: Compiler): void {
    compiler.hooks.normalModuleFactory.tap('ServerOnlyGuardPlugin', (factory) => {
      factory.hooks.afterResolve.tap('ServerOnlyGuardPlugin', (data) => {
        const resource = data.createData.resource ?? ''
        if (resource.startsWith(this.functionsDir) && !this.allowed.some((dir) => resource.startsWith(dir))) {
          throw new Error(
            `客户端不能引用服务端代码: ${path.relative(path.dirname(this.functionsDir), resource)} ` +
              `(imported from ${data.contextInfo.issuer || 'unknown'}). Only _shared/contracts and _shared/domain are allowed.`,
          )
        }
      })
    })
  }
}
