/**
 * The CloudBase functions' mini-program code cache: this environment's storage and the page-path
 * fallback (`mini-codes.ts` says how the cache works). Apart from `mini-codes.ts` so the code
 * actions, which the local runtime also runs, do not load `@cloudbase/node-sdk`: only the
 * functions' entries (`<fn>/index.ts`) import this file.
 */
import { init, SYMBOL_CURRENT_ENV } from '@cloudbase/node-sdk'
import { type CodeStorage, miniCodeCache, pathLink } from './mini-codes'

let app: CodeStorage | null = null
/** The function's own storage, made on first use (never at module load). */
export function codeStorage(): CodeStorage {
  app ??= init({ env: SYMBOL_CURRENT_ENV })
  return app
}

export function cloudbaseMiniCodeCache() {
  return miniCodeCache({ storage: codeStorage, fallbackLink: pathLink })
}
