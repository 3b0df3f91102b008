import fs from 'node:fs'
import path from 'node:path'
import type { Chunk, Compilation, Compiler, Module } from 'webpack'

const NAME = 'H5HomePreloadPlugin'

/**
 * The home page's first list call (src/pages/index/index.tsx, first show of a new visitor: no
 * filter, no cursor, PAGE_SIZE 10), exactly as the app sends it. index.html asks for it while the
 * JS downloads; the local runtime renders its answer into the HTML (server/first-screen.ts).
 */
export const HOME_FIRST_CALL = { fn: 'policy', body: { action: 'list', data: { view: 'resident', after: null, limit: 10 } } } as const

/**
 * H5: Taro's router loads every page, the home page included, as an async chunk group, so on a
 * cold load the browser learns of the home page's JS and CSS only after the entry has downloaded
 * and run: one more round trip (2 s on a slow 3G) before the first screen.
 *
 * This writes into index.html a small inline script that, when the URL opens the home page (no
 * hash, `#/` or `#/pages/index/index…`), adds `<link rel="preload">` for the files of the home
 * page's chunk group, so they download beside the entry. A deep link (a QR code's event page)
 * preloads nothing and pays nothing. Preload is a fetch hint only: webpack's chunk loader and
 * mini-css-extract still insert the real `<script>` / `<link rel="stylesheet">`, which then come
 * from the preload cache (https://html.spec.whatwg.org/multipage/links.html#link-type-preload).
 */
export class H5HomePreloadPlugin {
  constructor(
    private readonly options: {
      homeSource: string
      homeRoute: string
      publicPath: string
      /** The runtime's API base (`TARO_APP_API_BASE`, empty for the same origin). */
      apiBase: string
      /** The call the home page makes first for its list: function name and JSON body, exactly as the app sends it. */
      homeCall: { fn: string; body: unknown }
      /**
       * Where to write the first screen's manifest (see `FirstScreenManifest`), outside the served
       * folder; with the repo root the module paths are relative to. Default: not written.
       */
      manifest?: { file: string; root: string }
    },
  ) {}

  apply(compiler: Compiler): void {
    const { Compilation: C } = compiler.webpack
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap({ name: NAME, stage: C.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const html = compilation.getAsset('index.html')
        if (!html) return
        const chunks = this.homeChunks(compilation)
        const files = [...new Set(chunks.flatMap((c) => [...c.files].filter((f) => /\.(js|css)$/.test(f))))].sort()
        if (this.options.manifest && files.length > 0) this.writeManifest(compilation, chunks, files, this.options.manifest)
        if (files.length === 0) {
          compilation.warnings.push(new compiler.webpack.WebpackError(`${NAME}: no chunk group found for ${this.options.homeSource}`))
          return
        }
        const source = html.source.source().toString()
        const script =
          preloadScript(files.map((f) => [`${this.options.publicPath}${f}`, f.endsWith('.css') ? 'style' : 'script']), this.options.homeRoute) +
          earlyRequestsScript(this.options.homeRoute, this.options.apiBase, this.options.homeCall)
        // Before the entry's deferred scripts, so the hints go out with them.
        const at = source.search(/<script defer/)
        const next = at >= 0 ? `${source.slice(0, at)}${script}${source.slice(at)}` : source.replace('</head>', `${script}</head>`)
        compilation.updateAsset('index.html', new compiler.webpack.sources.RawSource(next))
      })
    })
  }

  /** Chunks of the async chunk group that holds the home page's module. */
  private homeChunks(compilation: Compilation): Chunk[] {
    const want = path.resolve(this.options.homeSource)
    const { chunkGraph } = compilation
    // A production build concatenates the page with its imports: look inside concatenated modules.
    const isHome = (m: Module) => {
      const resource = (m as { resource?: string }).resource?.split('?')[0]
      return resource !== undefined && path.resolve(resource) === want
    }
    for (const module of compilation.modules) {
      const inner = (module as Module & { modules?: Module[] }).modules
      if (!(isHome(module) || inner?.some(isHome))) continue
      const chunks = new Set<Chunk>()
      for (const chunk of chunkGraph.getModuleChunksIterable(module)) {
        for (const group of chunk.groupsIterable) {
          if (group.isInitial()) continue
          for (const c of group.chunks as Chunk[]) chunks.add(c)
        }
      }
      if (chunks.size > 0) return [...chunks]
    }
    return []
  }

  /**
   * Writes which source modules a cold load of the home page downloads before it can draw: those
   * of the entry's (initial) chunks and of the home page's chunk group, each path relative to the
   * repo root (`node_modules/…` for packages), with the files they are in (as index.html's
   * preload names them), so a test can see what the first screen carries.
   */
  private writeManifest(compilation: Compilation, homeChunks: Chunk[], homeFiles: string[], out: { file: string; root: string }): void {
    const { chunkGraph } = compilation
    const chunks = new Set<Chunk>(homeChunks)
    for (const entry of compilation.entrypoints.values()) for (const c of entry.chunks) chunks.add(c)
    const modules = new Set<string>()
    const add = (m: Module) => {
      const resource = (m as { resource?: string }).resource?.split('?')[0]
      if (!resource) return
      const rel = path.relative(out.root, resource).split(path.sep).join('/')
      // node_modules is a symlink in worktrees: name packages from their node_modules folder on.
      const pkg = rel.lastIndexOf('node_modules/')
      modules.add(pkg >= 0 ? rel.slice(pkg) : rel)
    }
    for (const chunk of chunks) {
      for (const m of chunkGraph.getChunkModulesIterable(chunk)) {
        const inner = (m as Module & { modules?: Module[] }).modules
        if (inner?.length) inner.forEach(add)
        else add(m)
      }
    }
    const entryFiles = [...new Set([...compilation.entrypoints.values()].flatMap((e) => e.getFiles()))].filter((f) => /\.(js|css)$/.test(f))
    const manifest: FirstScreenManifest = { files: [...new Set([...entryFiles, ...homeFiles])].sort(), modules: [...modules].sort() }
    fs.mkdirSync(path.dirname(out.file), { recursive: true })
    fs.writeFileSync(out.file, `${JSON.stringify(manifest, null, 1)}\n`)
  }
}

/** What a cold load of the H5 home page downloads before it can draw (written by the plugin beside dist/h5). */
export interface FirstScreenManifest {
  /** JS and CSS files: the entry's and the home page's chunk group's (index.html's preload list). */
  files: string[]
  /** Source modules in them, relative to the repo root (`node_modules/<package>/…` for packages). */
  modules: string[]
}

/** The inline script: preload `files` when the hash router will show the home page. */
export function preloadScript(files: readonly (readonly [href: string, as: 'script' | 'style'])[], homeRoute: string): string {
  const route = homeRoute.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  return (
    `<script>!function(d,h){if(!/^(#\\/?(${route})?([?].*)?)?$/.test(h))return;` +
    `${JSON.stringify(files)}.forEach(function(f){var l=d.createElement("link");l.rel="preload";l.as=f[1];l.href=f[0];d.head.appendChild(l)})` +
    `}(document,location.hash)</script>`
  )
}

/**
 * The inline script that, on a first visit (no `cy.token`, `cy.token.resident` or `cy.device` in
 * localStorage: Taro's storage keys, see src/services/core/token.ts), asks for the anonymous
 * resident token while the JS downloads, and on the home route then asks for the home list with
 * it. The app adopts both answers (src/services/core/early-requests.ts). Measured on DevTools' slow
 * 3G each request in a row costs about 2 s of latency; these two now overlap the JS download.
 */
export function earlyRequestsScript(homeRoute: string, apiBase: string, homeCall: { fn: string; body: unknown }): string {
  const route = homeRoute.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  const base = JSON.stringify(apiBase)
  const path = JSON.stringify(`/api/fn/${encodeURIComponent(homeCall.fn)}`)
  const body = JSON.stringify(JSON.stringify(homeCall.body))
  return (
    `<script>!function(w){try{var s=w.localStorage;if(!w.fetch||s.getItem("cy.token")||s.getItem("cy.token.resident")||s.getItem("cy.device"))return;` +
    `var H={"Content-Type":"application/json"},j=function(r){return r.json().catch(function(){return null}).then(function(b){return{status:r.status,body:b}})};` +
    `var t=w.__cyResident=fetch(${base}+"/api/auth/resident",{method:"POST",headers:H,body:"{}"}).then(j).catch(function(){return null});` +
    `if(!/^(#\\/?(${route})?([?].*)?)?$/.test(w.location.hash))return;` +
    // The runtime put this call's answer into the HTML (server/first-screen.ts): adopt it with the
    // new token instead of asking again.
    `var F=w.__cyFirst;` +
    `w.__cyHome={path:${path},body:${body},reply:t.then(function(a){var k=a&&a.status===200&&a.body&&a.body.token;if(typeof k!=="string")return null;` +
    `if(F&&F.path===${path}&&F.body===${body})return{status:F.status,body:F.reply,token:k};` +
    `return fetch(${base}+${path},{method:"POST",headers:{"Content-Type":"application/json",Authorization:"Bearer "+k},body:${body}}).then(j).then(function(r){r.token=k;return r})}).catch(function(){return null})}` +
    `}catch(e){}}(window)</script>`
  )
}
