/** JS and CSS files a cold load of the H5 home fetches before it can draw: what index.html references plus what its inline home preload adds (config/h5-home-preload.ts). */
export function firstScreenFiles(html: string): string[] {
  const referenced = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1])
  const preloaded = [...html.matchAll(/\["\/?([^"]+\.(?:js|css))","(?:script|style)"\]/g)].map((m) => m[1])
  return [...new Set([...referenced, ...preloaded])].sort()
}
