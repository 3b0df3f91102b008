/**
 * The SIGKILL loop, one implementation for the durability test and `npm run bench`: the local
 * runtime (bundled once) is started on a data dir, several writers send profile saves, event
 * sign-ups and survey answers, the process is SIGKILLed at a random moment, and the database is
 * reopened and checked: every acknowledged write present (lost), nothing twice (duplicated), the
 * counters equal a recount (drift, by the real reconciliation in dry-run mode, plus the event's
 * own counts and the survey's tally), and SQLite's integrity_check.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import type { EventSignup } from '../cloudfunctions/_shared/domain/event'
import { periodsOf } from '../cloudfunctions/_shared/domain/period'
import { periodCounts } from '../cloudfunctions/_shared/testing/counters'
import type { SurveyResponse } from '../cloudfunctions/_shared/domain/survey'
import { surveyTemplate } from '../cloudfunctions/_shared/domain/survey-templates'
import { type Keyring, makeKeyring } from '../cloudfunctions/_shared/runtime/keyring'
import { reconcileCounters } from '../cloudfunctions/_shared/runtime/reconcile'
import type { Collections } from '../cloudfunctions/_shared/store/collections'
import { where } from '../cloudfunctions/_shared/store/port'
import { openSqliteStore } from '../cloudfunctions/_shared/store/sqlite/adapter'
import { runtimeUrl } from '../server/child-runtime'

const ROOT = resolve(__dirname, '..')
const COMMUNITIES = ['c-jinsha', 'c-xinhua', 'c-sutie', 'c-yuquan']
/** The seeded 金沙社区 event open for sign-up (capacity 60, so a burst also fills the waitlist). */
const EVENT = 'ev_JinSha01'
/** The seeded 金沙社区 environment survey, open this quarter with no answers yet. */
const SURVEY = 'svy_demo_jinsha_env_now'
const SURVEY_QUESTIONS = surveyTemplate('environment').questions.length

/** What one trial found after the kill and reopen. */
export interface TrialCheck {
  trial: number
  integrity: string
  /** Acknowledged writes not in the reopened database. */
  lost: string[]
  /**
   * Residents with more than one sign-up for the event; survey answers applied twice (a racing
   * retry of one request replaced the answer); responses with no device slot or from nobody who
   * answered.
   */
  duplicated: string[]
  /** The event's own counts and the survey's tally disagreeing with the records, plus the reconciliation's drifted fields. */
  drift: number
  /** The event's confirmed / waitlisted counts and the month counter, beside a count of the sign-ups. */
  eventCounts: { confirmed: number; waiting: number; counted: number; expectedConfirmed: number; expectedWaiting: number }
  /** The survey's responses, its tally's `n` and its once-per-device slots. */
  surveyCounts: { responses: number; tallied: number; deviceSlots: number }
}

export interface KillLoopResult {
  trials: TrialCheck[]
  attempted: number
  acknowledged: number
  /** Acknowledged writes by kind: each kind must really be in the burst for its checks to mean anything. */
  acknowledgedByKind: { profiles: number; signups: number; answers: number }
  lost: number
  duplicated: number
  drift: number
  ms: number
}

/** Bundles server/index.ts once, so each restart is a plain `node` start. */
export async function bundleRuntime(outDir: string): Promise<string> {
  const outfile = join(outDir, 'server.js')
  await build({ entryPoints: [join(ROOT, 'server/index.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', packages: 'external', logLevel: 'warning' })
  return outfile
}

function start(serverJs: string, dataDir: string, appSecret: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [serverJs], {
    cwd: ROOT,
    // Many distinct residents from one machine: the per-address session limit is lifted.
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, SKIP_H5_BUILD: '1', DEMO_FORCE_PASSWORD_CHANGE: '0', RESIDENT_SESSIONS_PER_MINUTE: '1000000', STAFF_SIGNINS_PER_MINUTE: '1000000', APP_SECRET: appSecret },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return runtimeUrl(child, { timeoutMs: 30000 }).then((url) => ({ child, url }))
}

const subOf = (token: string) => (JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()) as { sub: string }).sub

/** Runs `trials` kill-and-check rounds on `dataDir` (seeded by the first start). */
export async function killLoop(options: { serverJs: string; dataDir: string; trials: number; writers?: number; seed?: number }): Promise<KillLoopResult> {
  let seed = options.seed ?? 7
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
  const started = performance.now()
  const acknowledged = new Map<string, string>() // resident id → community saved
  const signedUp = new Set<string>() // residents whose sign-up was acknowledged
  const answered = new Map<string, number[]>() // resident id → survey levels acknowledged
  const answering = new Set<string>() // residents who sent a survey answer, acknowledged or not
  // The keyring's master secret is ours, so the check can find a resident's response by its keyed id.
  const appSecret = randomBytes(32).toString('hex')
  const keyring = makeKeyring(Buffer.from(appSecret, 'utf8'))
  let attempted = 0
  const trials: TrialCheck[] = []
  for (let trial = 0; trial < options.trials; trial++) {
    const { child, url } = await start(options.serverJs, options.dataDir, appSecret)
    const exited = new Promise((r) => child.once('exit', r))
    let stop = false
    const writer = async () => {
      while (!stop) {
        try {
          const auth = await fetch(`${url}/api/auth/resident`, { method: 'POST' })
          const { token } = (await auth.json()) as { token: string }
          const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` }
          const resident = subOf(token)
          const saveProfile = async (communityId: string) => {
            attempted++
            const res = await fetch(`${url}/api/fn/profile`, {
              method: 'POST',
              headers,
              body: JSON.stringify({ action: 'save', data: { communityId, targetGroups: ['graduate'] } }),
            })
            const ok = res.status === 200 && ((await res.json()) as { ok: boolean }).ok
            if (ok) acknowledged.set(resident, communityId)
            return ok
          }
          const pick = rand()
          if (pick < 0.35) {
            await saveProfile(COMMUNITIES[Math.floor(rand() * COMMUNITIES.length)])
          } else if (pick < 0.6) {
            // A 金沙 resident answers the community's survey: the response, its device slot, the
            // tally and the period counters move in one transaction.
            if (!(await saveProfile('c-jinsha'))) continue
            attempted++
            const levels = Array.from({ length: SURVEY_QUESTIONS }, () => 1 + Math.floor(rand() * 5))
            const body = JSON.stringify({ action: 'answer', data: { id: SURVEY, levels, requestId: `kill-answer-${trial}-${attempted}` } })
            answering.add(resident)
            // Half are sent twice at once (a retry racing the original): still one answer, never replaced.
            const sends = rand() < 0.5 ? 2 : 1
            const replies = await Promise.all(Array.from({ length: sends }, () => fetch(`${url}/api/fn/survey`, { method: 'POST', headers, body })))
            for (const res of replies) if (res.status === 200 && ((await res.json()) as { ok: boolean }).ok) answered.set(resident, levels)
          } else {
            // A sign-up moves the event's own counts and the org's period counters in one transaction.
            attempted++
            const requestId = `kill-${trial}-${attempted}`
            const body = JSON.stringify({ action: 'signup', data: { eventId: EVENT, name: '压测居民', phone: `139${String(attempted % 1e8).padStart(8, '0')}`, requestId } })
            // Half the sign-ups are sent twice at once (a retry racing the original): still one sign-up.
            const sends = rand() < 0.5 ? 2 : 1
            const replies = await Promise.all(Array.from({ length: sends }, () => fetch(`${url}/api/fn/event`, { method: 'POST', headers, body })))
            for (const res of replies) if (res.status === 200 && ((await res.json()) as { ok: boolean }).ok) signedUp.add(subOf(token))
          }
        } catch {
          return // the runtime died under us: expected
        }
      }
    }
    const writers = Array.from({ length: options.writers ?? 8 }, writer)
    // The kill lands mid-burst, not before it: wait until this trial has an acknowledged write and
    // every kind has reached one acknowledgement per five trials so far (a loaded machine acks few
    // writes in the first few hundred ms, and a kind with none proves nothing), then a random
    // 60–300 ms more. Bounded, so a runtime that acks nothing still gets killed and checked.
    const ackedBefore = acknowledged.size + signedUp.size + answered.size
    const kindsFloor = Math.ceil((trial + 1) / 5)
    const waitUntil = performance.now() + 20000
    while (
      performance.now() < waitUntil &&
      (acknowledged.size + signedUp.size + answered.size === ackedBefore || acknowledged.size < kindsFloor || signedUp.size < kindsFloor || answered.size < kindsFloor)
    ) {
      await new Promise((r) => setTimeout(r, 10))
    }
    await new Promise((r) => setTimeout(r, 60 + rand() * 240))
    child.kill('SIGKILL')
    stop = true
    await Promise.all([exited, ...writers])
    trials.push(await check(options.dataDir, trial, { acknowledged, signedUp, answered, answering, keyring }))
  }
  const sum = (f: (t: TrialCheck) => number) => trials.reduce((a, t) => a + f(t), 0)
  return {
    trials,
    attempted,
    acknowledged: acknowledged.size + signedUp.size + answered.size,
    acknowledgedByKind: { profiles: acknowledged.size, signups: signedUp.size, answers: answered.size },
    lost: sum((t) => t.lost.length),
    duplicated: sum((t) => t.duplicated.length),
    drift: sum((t) => t.drift),
    ms: performance.now() - started,
  }
}

/** Opens the files exactly as the runtime would after the crash, and checks them. */
async function check(
  dataDir: string,
  trial: number,
  sent: { acknowledged: Map<string, string>; signedUp: Set<string>; answered: Map<string, number[]>; answering: Set<string>; keyring: Keyring },
): Promise<TrialCheck> {
  const { acknowledged, signedUp, answered, answering, keyring } = sent
  const store = openSqliteStore<Collections>({ path: join(dataDir, 'chuangye.db'), purpose: 'live' })
  try {
    const integrity = String(store.db.pragma('integrity_check', { simple: true }))
    const lost: string[] = []
    for (const [id, communityId] of acknowledged) {
      if ((await store.collection('profiles').get(id))?.communityId !== communityId) lost.push(`profile ${id}`)
    }
    const signups: EventSignup[] = []
    for await (const batch of store.collection('eventSignups').scan(where.eq<EventSignup>('eventId', EVENT))) signups.push(...batch)
    const perResident = new Map<string, number>()
    for (const s of signups) perResident.set(s.residentId, (perResident.get(s.residentId) ?? 0) + 1)
    const duplicated = [...perResident].filter(([, n]) => n > 1).map(([id]) => id)
    for (const id of signedUp) if (!perResident.has(id)) lost.push(`signup ${id}`)
    const expectedConfirmed = signups.filter((x) => x.status === 'confirmed' || x.status === 'checked_in').length
    const expectedWaiting = signups.filter((x) => x.status === 'waitlisted').length
    const event = await store.collection('events').get(EVENT)
    // An event's sign-ups count in the month it is held.
    const month = event ? await periodCounts(store, 'c-jinsha', periodsOf(new Date(event.startAt)).month) : null
    const eventCounts = {
      confirmed: event?.confirmedCount ?? 0,
      waiting: event?.waitlistCount ?? 0,
      counted: month?.signups ?? 0,
      expectedConfirmed,
      expectedWaiting,
    }
    // Survey answers. A response's id is the keyed hash `survey.answer` gives it (survey/access.ts
    // responseId): the same formula here finds each resident's response.
    const responseOf = (resident: string) => keyring.keyedHash('survey-response', SURVEY, resident)
    const responses: SurveyResponse[] = []
    for await (const batch of store.collection('surveyResponses').scan(where.eq<SurveyResponse>('surveyId', SURVEY))) responses.push(...batch)
    const byId = new Map(responses.map((r) => [r._id, r]))
    for (const [resident, levels] of answered) {
      const response = byId.get(responseOf(resident))
      if (!response || response.levels.join() !== levels.join()) lost.push(`answer ${resident}`)
      // Each resident answered once, with one request id: a revision means a racing retry was applied twice.
      else if (response.revisions !== 0) duplicated.push(`answer ${resident} applied ${response.revisions + 1} times`)
    }
    const fromAnswerers = new Set([...answering].map(responseOf))
    for (const r of responses) if (!fromAnswerers.has(r._id)) duplicated.push(`response ${r._id} from nobody who answered`)
    const surveyCounts = {
      responses: responses.length,
      tallied: Number((await store.collection('surveyTallies').get(SURVEY))?.n ?? 0),
      deviceSlots: 0,
    }
    for await (const batch of store.collection('surveyDevices').scan(undefined)) surveyCounts.deviceSlots += batch.filter((s) => s.surveyId === SURVEY).length
    // Every token here is a fresh device, so each response holds exactly one slot.
    if (surveyCounts.deviceSlots !== surveyCounts.responses) duplicated.push(`${surveyCounts.deviceSlots} device slots for ${surveyCounts.responses} responses`)

    const recount = await reconcileCounters(store, { repair: false })
    const eventDrift =
      Math.abs(eventCounts.confirmed - expectedConfirmed) + Math.abs(eventCounts.waiting - expectedWaiting) + Math.abs(eventCounts.counted - expectedConfirmed)
    const tallyDrift = Math.abs(surveyCounts.tallied - surveyCounts.responses)
    return { trial, integrity, lost, duplicated, drift: recount.driftCount + eventDrift + tallyDrift, eventCounts, surveyCounts }
  } finally {
    await store.close()
  }
}
