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
 * hash, `#/` or `#/pages/index/index…`) or a page residents open from outside the app (a poster's
 * event page, a shared policy: `entryPages`), adds `<link rel="preload">` for the files of that
 * page's chunk group, so they download beside the entry. Any other route preloads nothing. Preload
 * is a fetch hint only: webpack's chunk loader and mini-css-extract still insert the real
 * `<script>` / `<link rel="stylesheet">`, which then come from the preload cache
 * (https://html.spec.whatwg.org/multipage/links.html#link-type-preload).
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
      /** Pages opened from outside the app (src/entry-pages.ts): their files are preloaded when the URL opens them. */
      entryPages?: readonly EntryPage[]
      /** Their first calls, asked for beside the JS on a first visit (see `earlyRequestsScript`). */
      entryCalls?: readonly EntryCall[]
    },
  ) {}

  apply(compiler: Compiler): void {
    const { Compilation: C } = compiler.webpack
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap({ name: NAME, stage: C.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const html = compilation.getAsset('index.html')
        if (!html) return
        const chunks = this.pageChunks(compilation, this.options.homeSource)
        const filesOf = (cs: Chunk[]) => [...new Set(cs.flatMap((c) => [...c.files].filter((f) => /\.(js|css)$/.test(f))))].sort()
        const files = filesOf(chunks)
        if (this.options.manifest && files.length > 0) this.writeManifest(compilation, chunks, files, this.options.manifest)
        if (files.length === 0) {
          compilation.warnings.push(new compiler.webpack.WebpackError(`${NAME}: no chunk group found for ${this.options.homeSource}`))
          return
        }
        const byRoute: Record<string, string[]> = { [this.options.homeRoute]: files }
        for (const entry of this.options.entryPages ?? []) {
          const entryFiles = filesOf(this.pageChunks(compilation, entry.source))
          if (entryFiles.length === 0) {
            compilation.warnings.push(new compiler.webpack.WebpackError(`${NAME}: no chunk group found for ${entry.source}`))
            continue
          }
          byRoute[entry.route] = entryFiles
        }
        const source = html.source.source().toString()
        const href = (f: string) => [`${this.options.publicPath}${f}`, f.endsWith('.css') ? 'style' : 'script'] as const
        const preload = preloadScript(Object.fromEntries(Object.entries(byRoute).map(([route, fs]) => [route, fs.map(href)])), this.options.homeRoute)
        const early = earlyRequestsScript(this.options.homeRoute, this.options.apiBase, this.options.homeCall, this.options.entryCalls ?? [])
        // The early requests before the entry's deferred scripts, so they go out first (they are
        // small); the page's preloads after the entry's own tags, so the entry, which everything
        // waits for, takes the browser's first connections (six per host on HTTP/1.1).
        const at = source.search(/<script defer/)
        const withEarly = at >= 0 ? `${source.slice(0, at)}${early}${source.slice(at)}` : source.replace('</head>', `${early}</head>`)
        const next = withEarly.replace('</head>', `${preload}</head>`)
        compilation.updateAsset('index.html', new compiler.webpack.sources.RawSource(next))
      })
    })
  }

  /** Chunks of the async chunk group that holds a page's module (`source`: its file). */
  private pageChunks(compilation: Compilation, source: string): Chunk[] {
    const want = path.resolve(source)
    const { chunkGraph } = compilation
    // A production build concatenates the page with its imports: look inside concatenated modules.
    const isPage = (m: Module) => {
      const resource = (m as { resource?: string }).resource?.split('?')[0]
      return resource !== undefined && path.resolve(resource) === want
    }
    for (const module of compilation.modules) {
      const inner = (module as Module & { modules?: Module[] }).modules
      if (!(isPage(module) || inner?.some(isPage))) continue
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

/**
 * The page route the hash router will show for `location.hash`, as the inline scripts read it: the
 * path after `#/` up to the query; the home route for no hash, `#` or `#/`. Kept as source text so
 * the scripts and their tests share it.
 */
const ROUTE_OF_HASH = (home: string) => `var m=/^#\\/?([^?]*)(\\?.*)?$/.exec(h),r=h===""?${JSON.stringify(home)}:m&&(m[1]||${JSON.stringify(home)});`

/**
 * The inline script: when the hash router will show one of `byRoute`'s pages (the home page, or a
 * page opened from outside the app), add `<link rel="preload">` for its files. Each file is named
 * once however many pages share it.
 */
export function preloadScript(byRoute: Readonly<Record<string, readonly (readonly [href: string, as: 'script' | 'style'])[]>>, homeRoute: string): string {
  const files: (readonly [string, string])[] = []
  const index = new Map<string, number>()
  const routes: Record<string, number[]> = {}
  for (const [route, list] of Object.entries(byRoute)) {
    routes[route] = list.map((f) => {
      const key = f.join(' ')
      if (!index.has(key)) index.set(key, files.push(f) - 1)
      return index.get(key) as number
    })
  }
  return (
    `<script>!function(d,h){${ROUTE_OF_HASH(homeRoute)}var F=${JSON.stringify(files)},R=${JSON.stringify(routes)};` +
    `if(!r||!Object.prototype.hasOwnProperty.call(R,r))return;` +
    `R[r].forEach(function(i){var l=d.createElement("link");l.rel="preload";l.as=F[i][1];l.href=F[i][0];d.head.appendChild(l)})` +
    `}(document,location.hash)</script>`
  )
}

/** A page's first call, made from one of its query parameters (src/entry-pages.ts). */
export interface EntryCall {
  /** The page's route (`pkg-event/pages/event/index`). */
  route: string
  /** The query parameter it is made from; of a page's calls, the first whose parameter is present is made. */
  param: string
  fn: string
  action: string
  /** Where the parameter's value goes: the call's data is `{ [key]: value }`. */
  key: string
}

/**
 * The call `calls` make for `route` when its query has `param` = `value`, exactly as the early
 * script builds it (`{ action, data: { [key]: value } }`); null when none is defined. The runtime
 * answers it inline for the pages it draws (server/event-first-screen.ts, server/policy-first-screen.ts).
 */
export function entryCallFor(calls: readonly EntryCall[], route: string, param: string, value: string): { fn: string; body: { action: string; data: Record<string, string> } } | null {
  const call = calls.find((c) => c.route === route && c.param === param)
  return call ? { fn: call.fn, body: { action: call.action, data: { [call.key]: value } } } : null
}

/** A page opened from outside the app: its route and its source file. */
export interface EntryPage {
  route: string
  source: string
}

/**
 * The inline script that, on a first visit (no `cy.token`, `cy.token.resident` or `cy.device` in
 * localStorage: Taro's storage keys, see src/services/core/token.ts), asks for the anonymous
 * resident token while the JS downloads, and then, with it, the first call of the page the URL
 * opens: the home list, or an entry page's call made from its query (`entryCalls`: a poster's
 * event from its `scene`). The app adopts both answers (src/services/core/early-requests.ts).
 * Measured on DevTools' slow 3G each request in a row costs about 2 s of latency; these now
 * overlap the JS download. The query is read as Taro's router reads it (query-string: `+` is a
 * space, values URI-decoded); a value read differently only means the app asks again itself.
 */
export function earlyRequestsScript(homeRoute: string, apiBase: string, homeCall: { fn: string; body: unknown }, entryCalls: readonly EntryCall[] = []): string {
  const base = JSON.stringify(apiBase)
  const homePath = JSON.stringify(`/api/fn/${encodeURIComponent(homeCall.fn)}`)
  const homeBody = JSON.stringify(JSON.stringify(homeCall.body))
  const calls = JSON.stringify(entryCalls.map((c) => [c.route, c.param, `/api/fn/${encodeURIComponent(c.fn)}`, c.action, c.key]))
  return (
    `<script>!function(w){try{var s=w.localStorage,h=w.location.hash;if(!w.fetch||s.getItem("cy.token")||s.getItem("cy.token.resident")||s.getItem("cy.device"))return;` +
    `var H={"Content-Type":"application/json"},j=function(r){return r.json().catch(function(){return null}).then(function(b){return{status:r.status,body:b}})};` +
    `var t=w.__cyResident=fetch(${base}+"/api/auth/resident",{method:"POST",headers:H,body:"{}"}).then(j).catch(function(){return null});` +
    ROUTE_OF_HASH(homeRoute) +
    // The runtime may have put the call's answer into the HTML (server/first-screen.ts: the home's
    // list, a poster's event): adopted with the new token instead of asking again.
    `var p,b,F=w.__cyFirst;if(r===${JSON.stringify(homeRoute)}){p=${homePath};b=${homeBody}}else{if(!m)return;var q={},bad;(m[2]||"").slice(1).split("&").forEach(function(x){var i=x.indexOf("="),k,v;if(i<1)return;` +
    // A query it cannot decode is left to the app (which reads it more leniently): no early call.
    `try{k=decodeURIComponent(x.slice(0,i).replace(/\\+/g," "));v=decodeURIComponent(x.slice(i+1).replace(/\\+/g," "))}catch(e){bad=1;return}if(!Object.prototype.hasOwnProperty.call(q,k))q[k]=v});if(bad)return;` +
    `${calls}.some(function(c){if(c[0]!==r||typeof q[c[1]]!=="string"||!q[c[1]])return false;var d={};d[c[4]]=q[c[1]];p=c[2];b=JSON.stringify({action:c[3],data:d});return true});if(!p)return}` +
    `w.__cyEarly={path:p,body:b,reply:t.then(function(a){var k=a&&a.status===200&&a.body&&a.body.token;if(typeof k!=="string")return null;` +
    `if(F&&F.path===p&&F.body===b)return{status:F.status,body:F.reply,token:k};` +
    `return fetch(${base}+p,{method:"POST",headers:{"Content-Type":"application/json",Authorization:"Bearer "+k},body:b}).then(j).then(function(r){r.token=k;return r})}).catch(function(){return null})}` +
    `}catch(e){}}(window)</script>`
  )
}
