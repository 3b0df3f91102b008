import { pageRoute } from '../../../cloudfunctions/_shared/domain/pages'

/**
 * JS and CSS files a cold load of the H5 home fetches before it can draw: what index.html
 * references plus what its inline preload adds for the home route (config/h5-home-preload.ts:
 * `F` lists the files, `R` each route's indexes into it).
 */
export function firstScreenFiles(html: string): string[] {
  const referenced = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1])
  const map = /var F=(\[\[.*?\]\]),R=(\{.*?\});/.exec(html)
  if (!map) throw new Error('index.html has no preload map')
  const files = JSON.parse(map[1]) as [string, string][]
  const routes = JSON.parse(map[2]) as Record<string, number[]>
  const preloaded = (routes[pageRoute('index')] ?? []).map((i) => files[i][0].replace(/^\//, ''))
  return [...new Set([...referenced, ...preloaded])].sort()
}
