import type { HttpReply } from './http'

/**
 * H5: requests index.html starts before the app's JS has downloaded (see
 * config/h5-home-preload.ts, `earlyRequestsScript`). On a first visit (no token, no device id
 * kept) it asks for the anonymous resident token at once, and then with it the first call of the
 * page the URL opens (the home list, a poster's event), so on a slow network both answers are there
 * when the app runs instead of costing two round trips after it. Each answer is taken at most once;
 * the app falls back to its own request when there is none or it does not match.
 */
interface EarlyWindow {
  __cyResident?: Promise<HttpReply | null>
  __cyEarly?: { path: string; body: string; reply: Promise<(HttpReply & { token: string }) | null> }
}

// `globalThis` is `window` in the browser.
const early = (): EarlyWindow => globalThis as unknown as EarlyWindow

/** The anonymous token answer index.html asked for, once. */
export function takeEarlyResident(): Promise<HttpReply | null> | null {
  const w = early()
  const reply = w.__cyResident ?? null
  delete w.__cyResident
  return reply
}

/**
 * The answer to exactly this call (same path, same JSON body, same token) if index.html made it;
 * null otherwise. Taken once: a later call (a refresh) goes to the server.
 */
export async function takeEarlyCall(path: string, body: string, token: string): Promise<HttpReply | null> {
  const w = early()
  const made = w.__cyEarly
  if (!made || made.path !== path || made.body !== body) return null
  delete w.__cyEarly
  const reply = await made.reply.catch(() => null)
  return reply && reply.token === token ? { status: reply.status, body: reply.body } : null
}
