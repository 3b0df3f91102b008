/**
 * Burst sign-up through the local runtime's HTTP API: the real server (`server/index.ts`) as a
 * child process on a temp DATA_DIR, 1,000 distinct residents signing up to one event of
 * capacity 800 at once. Verified afterwards by reading the store file. In the same run, the
 * machine's limit: raw better-sqlite3 durable transactions (WAL, synchronous=FULL), one per
 * sign-up, each inserting a row and incrementing a counter row.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { spawn } from 'node:child_process'
import { connect, type Socket } from 'node:net'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { counterId } from '../cloudfunctions/_shared/domain/counter'
import { seriesOf } from '../cloudfunctions/_shared/domain/indices'
import { countedPeriodsOf } from '../cloudfunctions/_shared/domain/period'
import { DEMO_PASSWORD } from '../server/seed-data'
import { startServer, stopServer } from './server'

const ROOT = resolve(__dirname, '..')
const N = 1000
const CAPACITY = 800
const ORG = 'c-jinsha'

export interface BurstResult {
  rows: string[]
  problems: string[]
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/** One durable transaction per sign-up, as fast as this disk allows. */
function rawSqlite(dir: string, name: string): { ms: number; perSec: number } {
  const db = new Database(join(dir, `${name}.db`))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.exec('CREATE TABLE signups (_id TEXT PRIMARY KEY, doc TEXT NOT NULL); CREATE TABLE counters (_id TEXT PRIMARY KEY, n INTEGER NOT NULL)')
  db.prepare('INSERT INTO counters VALUES (?, 0)').run('c')
  const ins = db.prepare('INSERT INTO signups VALUES (?, ?)')
  const inc = db.prepare('UPDATE counters SET n = n + 1 WHERE _id = ?')
  const one = db.transaction((i: number) => {
    ins.run(`s${i}`, JSON.stringify({ eventId: 'e', residentId: `r${i}`, name: `居民${i}`, phone: `139${String(i).padStart(8, '0')}`, status: 'confirmed', seq: i + 1 }))
    inc.run('c')
  })
  const t0 = performance.now()
  for (let i = 0; i < N; i++) one(i)
  const ms = performance.now() - t0
  const n = (db.prepare('SELECT n FROM counters').get() as { n: number }).n
  db.close()
  if (n !== N) throw new Error(`raw counter ${n} ≠ ${N}`)
  return { ms, perSec: N / (ms / 1000) }
}

type Json = { ok: boolean; data?: { _id?: string; outcome?: string }; error?: unknown }

/**
 * CPU time (user + system, ms) used so far by process `pid` and every process under it (the
 * runtime may run under a launcher), from Linux's /proc; null elsewhere. Unlike wall time, it
 * hardly moves with what else the machine runs, so runs on a loaded machine compare.
 */
function treeCpuMs(pid: number): number | null {
  try {
    const tick = 1000 / 100 // USER_HZ: 100 on Linux (getconf CLK_TCK)
    const stats = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .flatMap((d) => {
        try {
          // Fields after the command (which may hold spaces): state ppid … utime(14) stime(15).
          const f = readFileSync(`/proc/${d}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')
          return [{ pid: Number(d), ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) * tick }]
        } catch {
          return []
        }
      })
    const tree = new Set([pid])
    for (let grew = true; grew; ) {
      grew = false
      for (const s of stats) {
        if (tree.has(s.pid) || !tree.has(s.ppid)) continue
        tree.add(s.pid)
        grew = true
      }
    }
    return stats.filter((s) => tree.has(s.pid)).reduce((n, s) => n + s.cpu, 0)
  } catch {
    return null
  }
}

/**
 * One HTTP/1.1 POST on its own new connection (`Connection: close`: a crowd of phones, each its own
 * connection), written and read on a bare socket. The load generator shares the machine's two cores
 * with the runtime it measures: fetch (undici) spent as much CPU per request as the runtime did
 * serving it (0.73 against 0.71 ms per sign-up), so the burst measured the client as much as the
 * runtime. This client does the same HTTP exchange for a fraction of that.
 */
function rawPost(base: URL, path: string, body: string, token: string): Promise<{ status: number; json: Json }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    const socket = connect({ host: base.hostname, port: Number(base.port) }, () => socket.write(postBytes(base, path, body, token, true)))
    socket.on('data', (c: Buffer) => chunks.push(c))
    socket.on('error', reject)
    socket.on('close', () => {
      const reply = Buffer.concat(chunks)
      try {
        const whole = parseReply(reply)
        if (whole) resolve(whole)
        else reject(new Error(`unreadable reply: ${reply.subarray(0, 200).toString()}`))
      } catch (err) {
        reject(err as Error)
      }
    })
  })
}

/** A POST's bytes: HTTP/1.1, a JSON body, the resident's token; `close` asks the server to close the connection after replying. */
function postBytes(base: URL, path: string, body: string, token: string, close: boolean): Buffer {
  const payload = Buffer.from(body)
  const head = `POST ${path} HTTP/1.1\r\nHost: ${base.host}\r\nContent-Type: application/json\r\nAuthorization: Bearer ${token}\r\nContent-Length: ${payload.length}\r\n${close ? 'Connection: close\r\n' : ''}\r\n`
  return Buffer.concat([Buffer.from(head), payload])
}

/** One whole HTTP/1.1 reply at the start of `buf` (framed by its Content-Length), or null while part of it is still to come. */
function parseReply(buf: Buffer): { status: number; json: Json } | null {
  const split = buf.indexOf('\r\n\r\n')
  if (split < 0) return null
  const headers = buf.subarray(0, split).toString('latin1')
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(headers)?.[1] ?? 0)
  const length = Number(/\r\ncontent-length: *(\d+)/i.exec(headers)?.[1] ?? -1)
  if (!status || length < 0) throw new Error(`unreadable reply: ${headers.slice(0, 200)}`)
  if (buf.length < split + 4 + length) return null
  return { status, json: JSON.parse(buf.subarray(split + 4, split + 4 + length).toString('utf8')) as Json }
}

/** A connection opened and used once (GET /healthz answered on it), left open: a phone that loaded the page. */
async function openWarm(base: URL): Promise<Socket> {
  const socket = await new Promise<Socket>((ok, fail) => {
    const s = connect({ host: base.hostname, port: Number(base.port) }, () => ok(s))
    s.once('error', fail)
  })
  socket.write(`GET /healthz HTTP/1.1\r\nHost: ${base.host}\r\n\r\n`)
  await readReply(socket)
  return socket
}

/** One HTTP/1.1 reply read off a kept-alive socket. */
function readReply(socket: Socket): Promise<{ status: number; json: Json }> {
  return new Promise((resolve, reject) => {
    let buf = Buffer.alloc(0)
    const onData = (c: Buffer) => {
      buf = Buffer.concat([buf, c])
      try {
        const whole = parseReply(buf)
        if (!whole) return
        socket.off('data', onData)
        resolve(whole)
      } catch (err) {
        socket.off('data', onData)
        reject(err as Error)
      }
    }
    socket.on('data', onData)
  })
}

/** A POST on an open connection, kept open (HTTP/1.1's default). */
function keptAlivePost(socket: Socket, base: URL, path: string, body: string, token: string): Promise<{ status: number; json: Json }> {
  const reply = readReply(socket)
  socket.write(postBytes(base, path, body, token, false))
  return reply
}

/**
 * The same 1,000 requests (same bodies, same tokens, same client) against `bench/bare-http.ts`, a
 * bare `node:http` server that only reads, parses, checks one HMAC and answers: what any HTTP
 * sign-up path costs on this machine before it does any work. Throughput and that server's CPU.
 */
async function bareHttp(bodies: string[], tokens: string[]): Promise<{ perSec: number; cpuMs: number | null }> {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(__dirname, 'bare-http.ts')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  try {
    const port = await new Promise<number>((ok, fail) => {
      let out = ''
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString()
        const m = /BARE_HTTP_PORT (\d+)/.exec(out)
        if (m) ok(Number(m[1]))
      })
      child.stderr.on('data', (c: Buffer) => (out += c.toString()))
      child.once('exit', (code) => fail(new Error(`bare HTTP server exited (${code}): ${out}`)))
    })
    const base = new URL(`http://127.0.0.1:${port}`)
    const cpu0 = child.pid ? treeCpuMs(child.pid) : null
    const t0 = performance.now()
    const replies = await Promise.all(bodies.map((b, i) => rawPost(base, '/api/fn/event', b, tokens[i])))
    const ms = performance.now() - t0
    const cpu1 = child.pid ? treeCpuMs(child.pid) : null
    if (replies.some((r) => r.status !== 200 || !r.json.ok)) throw new Error('bare HTTP server failed a request')
    return { perSec: bodies.length / (ms / 1000), cpuMs: cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : null }
  } finally {
    child.removeAllListeners('exit')
    child.kill('SIGTERM')
  }
}

export async function burst(): Promise<BurstResult> {
  const dir = mkdtempSync(join(tmpdir(), 'cy-bench-burst-'))
  const problems: string[] = []
  const { url, child } = await startServer(dir)
  const base = new URL(url)
  try {
    const postTo = async (server: string, path: string, body: unknown, token?: string): Promise<{ status: number; json: Json }> => {
      const res = await fetch(`${server}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      })
      return { status: res.status, json: (await res.json()) as Json }
    }
    const post = (path: string, body: unknown, token?: string) => postTo(url, path, body, token)
    /** N distinct residents, each with their own H5 token. */
    const residentTokens = async (server: string) => {
      const out: string[] = []
      for (let i = 0; i < N; i++) out.push(((await postTo(server, '/api/auth/resident', {})).json as unknown as { token: string }).token)
      return out
    }
    const login = await post('/api/auth/staff', { username: 'jinsha', password: DEMO_PASSWORD })
    const staffToken = (login.json as unknown as { token: string }).token
    if (!staffToken) throw new Error(`staff sign-in failed: ${JSON.stringify(login.json)}`)
    const now = Date.now()
    const iso = (ms: number) => new Date(ms).toISOString()
    const eventData = (title: string) => ({
      title, description: '用于测量 1000 名居民同时报名时的吞吐、延迟与名额准确性。', place: '金沙社区党群服务中心',
      startAt: iso(now + 2 * 86400_000), endAt: iso(now + 2 * 86400_000 + 7200_000), capacity: CAPACITY,
      signupFrom: iso(now - 3600_000), signupUntil: iso(now + 86400_000), walkIn: false, surveyId: null, policyIds: [],
    })
    const created = await post('/api/fn/event', { action: 'save', data: eventData('基准测试：千人报名活动') }, staffToken)
    if (!created.json.ok) throw new Error(`event.save failed: ${JSON.stringify(created.json)}`)
    const eventId = String(created.json.data?._id)

    // Counters before (the demo seed may already have moved them). Sign-ups count in the periods
    // the event is held in; residents reached, on the day they were reached.
    const heldIn = countedPeriodsOf(new Date(now + 2 * 86400_000))
    const periods = [...new Set([...heldIn, ...countedPeriodsOf(new Date())])]
    const readCounters = () => {
      const db = new Database(join(dir, 'chuangye.db'), { readonly: true })
      const get = db.prepare('SELECT doc FROM counters WHERE _id = ?')
      // As a dashboard reads them (`seriesOf`): a month's counts may be kept on its year's document.
      const docs = [...new Set(periods.flatMap((p) => [p, p.slice(0, 4)]))]
        .map((p) => get.get(counterId(ORG, p)) as { doc: string } | undefined)
        .flatMap((row) => (row ? [JSON.parse(row.doc) as Record<string, unknown>] : []))
      const series = seriesOf(docs).get(ORG)
      const out = periods.map((p) => {
        const c = series?.get(p) ?? {}
        return { period: p, signups: c.signups ?? 0, residentsReached: c.residentsReached ?? 0 }
      })
      db.close()
      return out
    }
    const before = readCounters()

    // The machine's limit, just before the burst (and again just after: the disk is shared).
    const rawBefore = rawSqlite(dir, 'raw-before')

    // 1,000 distinct residents, each with their own H5 token (made before the clock starts).
    const tokens = await residentTokens(url)
    const signup = (i: number) => ({ action: 'signup', data: { eventId, name: `居民${i}`, phone: `139${String(i).padStart(8, '0')}`, requestId: `bench-burst-request-${i}` } })

    const lat: number[] = new Array(N)
    const cpu0 = child.pid ? treeCpuMs(child.pid) : null
    const t0 = performance.now()
    const h0 = process.hrtime.bigint()
    const client0 = process.cpuUsage()
    const replies = await Promise.all(tokens.map(async (tok, i) => {
      const s = performance.now()
      const r = await rawPost(base, '/api/fn/event', JSON.stringify(signup(i)), tok)
      lat[i] = performance.now() - s
      return r
    }))
    const wallMs = performance.now() - t0
    const clientUsage = process.cpuUsage(client0)
    const clientCpuMs = (clientUsage.user + clientUsage.system) / 1000
    // BENCH_BURST_WINDOW=<file>: the burst's start and end on the monotonic clock (µs, as a CPU profile's
    // timestamps), so a profile of the runtime (BENCH_RUNTIME_CPU_PROF) can be cut to the burst alone.
    if (process.env.BENCH_BURST_WINDOW) writeFileSync(process.env.BENCH_BURST_WINDOW, JSON.stringify({ fromUs: Number(h0 / 1000n), toUs: Number(process.hrtime.bigint() / 1000n) }))
    const cpu1 = child.pid ? treeCpuMs(child.pid) : null
    const runtimeCpuMs = cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : null
    const failed = replies.filter((r) => r.status !== 200 || !r.json.ok)
    if (failed.length) problems.push(`${failed.length} sign-ups failed, e.g. ${JSON.stringify(failed[0].json)}`)
    const outcomes = replies.map((r) => r.json.data?.outcome as string)
    const confirmedReplies = outcomes.filter((o) => o === 'confirmed').length
    const waitlistedReplies = outcomes.filter((o) => o === 'waitlisted').length

    // Retried at once with the same request ids: must change nothing.
    const r0 = performance.now()
    const retries = await Promise.all(tokens.map((tok, i) => rawPost(base, '/api/fn/event', JSON.stringify(signup(i)), tok)))
    const retryMs = performance.now() - r0
    const changed = retries.filter((r, i) => r.json.data?.outcome !== outcomes[i]).length
    if (changed) problems.push(`${changed} retries answered differently`)

    await stopServer(child)

    // Read the store file the server wrote.
    const db = new Database(join(dir, 'chuangye.db'), { readonly: true })
    const signups = (db.prepare(`SELECT doc FROM eventSignups WHERE json_extract(doc, '$.eventId') = ?`).all(eventId) as { doc: string }[]).map((r) => JSON.parse(r.doc) as { residentId: string; status: string; seq: number; requests?: Record<string, string> })
    const event = JSON.parse((db.prepare('SELECT doc FROM events WHERE _id = ?').get(eventId) as { doc: string }).doc)
    db.close()
    const after = readCounters()
    const distinct = new Set(signups.map((s) => s.residentId)).size
    const lost = N - distinct
    const duplicated = signups.length - distinct
    const confirmed = signups.filter((s) => s.status === 'confirmed').length
    const waitlisted = signups.filter((s) => s.status === 'waitlisted').length
    const seqs = signups.map((s) => s.seq).sort((a, b) => a - b)
    const seqOk = seqs.length === N && seqs.every((s, i) => s === i + 1)
    const counterDeltas = after.map((a, i) => ({ period: a.period, signups: a.signups - before[i].signups, reached: a.residentsReached - before[i].residentsReached }))
    const today = countedPeriodsOf(new Date())
    const countersExact = counterDeltas.every(
      (d) => d.signups === (heldIn.includes(d.period) ? CAPACITY : 0) && d.reached === (today.includes(d.period) ? N : 0),
    )
      && event.confirmedCount === CAPACITY && event.waitlistCount === N - CAPACITY && event.seq === N
    if (lost) problems.push(`${lost} sign-ups lost`)
    if (duplicated) problems.push(`${duplicated} sign-ups duplicated`)
    if (confirmed !== CAPACITY || waitlisted !== N - CAPACITY) problems.push(`store has ${confirmed} confirmed / ${waitlisted} waitlisted`)
    if (!seqOk) problems.push('waitlist sequence numbers are not exactly 1…1000')
    if (!countersExact) problems.push(`counters not exact: event ${event.confirmedCount}/${event.waitlistCount}/${event.seq}, deltas ${JSON.stringify(counterDeltas)}`)
    const requests = new Set(signups.flatMap((s) => Object.keys(s.requests ?? {}))).size
    if (requests !== N) problems.push(`${requests} request keys on the sign-ups, expected ${N}`)

    const rawAfter = rawSqlite(dir, 'raw-after')
    const raw = { perSec: (rawBefore.perSec + rawAfter.perSec) / 2 }
    const bare = await bareHttp(tokens.map((_, i) => JSON.stringify(signup(i))), tokens)

    // The same crowd on warm connections: another event, 1,000 other residents, each connection
    // opened (one GET answered on it) before the clock starts, as a phone that loaded the event
    // page keeps its connection to sign up on. Same checks, on the runtime restarted on the same store.
    const warm = await (async () => {
      const again = await startServer(dir)
      const at = new URL(again.url)
      try {
        const made = (await postTo(again.url, '/api/fn/event', { action: 'save', data: eventData('基准测试：千人报名活动（已连接）') }, staffToken)).json
        if (!made.ok) throw new Error(`event.save failed: ${JSON.stringify(made)}`)
        const warmEvent = String(made.data?._id)
        const warmTokens = await residentTokens(again.url)
        const counted0 = readCounters()
        const sockets = await Promise.all(warmTokens.map(() => openWarm(at)))
        const rawWarmBefore = rawSqlite(dir, 'raw-warm-before')
        const t = performance.now()
        const answers = await Promise.all(sockets.map((sock, i) => keptAlivePost(sock, at, '/api/fn/event', JSON.stringify({ action: 'signup', data: { eventId: warmEvent, name: `居民${i}`, phone: `138${String(i).padStart(8, '0')}`, requestId: `bench-warm-request-${i}` } }), warmTokens[i])))
        const ms = performance.now() - t
        const rawWarmAfter = rawSqlite(dir, 'raw-warm-after')
        for (const sock of sockets) sock.destroy()
        await stopServer(again.child)
        const store = new Database(join(dir, 'chuangye.db'), { readonly: true })
        const rows = (store.prepare(`SELECT doc FROM eventSignups WHERE json_extract(doc, '$.eventId') = ?`).all(warmEvent) as { doc: string }[]).map((r) => JSON.parse(r.doc) as { residentId: string; status: string; seq: number })
        const ev = JSON.parse((store.prepare('SELECT doc FROM events WHERE _id = ?').get(warmEvent) as { doc: string }).doc)
        store.close()
        const counted1 = readCounters()
        const residents = new Set(rows.map((r) => r.residentId)).size
        const exact = counted1.every((a, i) => a.signups - counted0[i].signups === (heldIn.includes(a.period) ? CAPACITY : 0) && a.residentsReached - counted0[i].residentsReached === (today.includes(a.period) ? N : 0))
          && ev.confirmedCount === CAPACITY && ev.waitlistCount === N - CAPACITY && ev.seq === N
          && rows.filter((r) => r.status === 'confirmed').length === CAPACITY
        const failedWarm = answers.filter((r) => r.status !== 200 || !r.json.ok).length
        if (failedWarm) problems.push(`${failedWarm} warm sign-ups failed`)
        if (residents !== N || rows.length !== N) problems.push(`warm round: ${N - residents} lost, ${rows.length - residents} duplicated`)
        if (!exact) problems.push(`warm round: counters not exact (event ${ev.confirmedCount}/${ev.waitlistCount}/${ev.seq})`)
        return { perSec: N / (ms / 1000), raw: (rawWarmBefore.perSec + rawWarmAfter.perSec) / 2, lost: N - residents, duplicated: rows.length - residents, exact, failed: failedWarm }
      } finally {
        await stopServer(again.child)
      }
    })()
    const sorted = [...lat].sort((a, b) => a - b)
    const perSec = N / (wallMs / 1000)
    const rows = [
      '| measure | value |',
      '|---|---:|',
      `| sign-ups sent at once (distinct residents, capacity ${CAPACITY}) | ${N} |`,
      `| wall time, all ${N} answered | ${wallMs.toFixed(0)} ms |`,
      `| throughput through HTTP runtime | ${perSec.toFixed(0)} sign-ups/s |`,
      `| runtime CPU (user + system) during the burst, per sign-up | ${runtimeCpuMs === null ? 'n/a' : `${(runtimeCpuMs / N).toFixed(2)} ms (${runtimeCpuMs.toFixed(0)} ms in all)`} |`,
      `| the bench's own CPU sending them and reading the replies (1,000 connections on bare sockets from one process), per sign-up | ${(clientCpuMs / N).toFixed(2)} ms (${clientCpuMs.toFixed(0)} ms in all) |`,
      `| latency p50 / p99 / max (per request, all in flight at once) | ${pct(sorted, 50).toFixed(0)} / ${pct(sorted, 99).toFixed(0)} / ${sorted[N - 1].toFixed(0)} ms |`,
      `| replies: confirmed / waitlisted / failed | ${confirmedReplies} / ${waitlistedReplies} / ${failed.length} |`,
      `| store after: sign-up rows / distinct residents | ${signups.length} / ${distinct} |`,
      `| **lost / duplicated** | **${lost} / ${duplicated}** |`,
      `| store after: confirmed / waitlisted; seq exactly 1…${N} | ${confirmed} / ${waitlisted}; ${seqOk ? 'yes' : 'NO'} |`,
      `| event counters (confirmed / waitlist / seq) | ${event.confirmedCount} / ${event.waitlistCount} / ${event.seq} |`,
      `| ${ORG} counters moved (signups / residentsReached) per period | ${counterDeltas.map((d) => `${d.period}: +${d.signups} / +${d.reached}`).join('; ')} |`,
      `| **counters exact** | **${countersExact ? 'yes' : 'NO'}** |`,
      `| same ${N} requests retried at once: answered differently / wall time | ${changed} / ${retryMs.toFixed(0)} ms |`,
      `| raw better-sqlite3, ${N} durable txns (WAL, synchronous=FULL; one txn = insert a row + increment a counter row), just before / just after the burst | ${rawBefore.ms.toFixed(0)} ms = ${rawBefore.perSec.toFixed(0)} txn/s / ${rawAfter.ms.toFixed(0)} ms = ${rawAfter.perSec.toFixed(0)} txn/s |`,
      `| **HTTP sign-up throughput ÷ raw durable-txn throughput** (mean of before/after; range) | **${(perSec / raw.perSec).toFixed(2)}** (${(perSec / Math.max(rawBefore.perSec, rawAfter.perSec)).toFixed(2)}–${(perSec / Math.min(rawBefore.perSec, rawAfter.perSec)).toFixed(2)}) |`,
      `| the HTTP floor: a bare \`node:http\` server (\`bench/bare-http.ts\`: read, parse, one HMAC, a fixed reply; no framework, no store), the same ${N} requests from the same client, after the burst | ${bare.perSec.toFixed(0)} requests/s = **${(bare.perSec / raw.perSec).toFixed(2)}×** raw durable txns; its CPU ${bare.cpuMs === null ? 'n/a' : `${(bare.cpuMs / N).toFixed(2)} ms`} per request |`,
      `| **the runtime's sign-ups ÷ the bare server's requests** | **${(perSec / bare.perSec).toFixed(2)}** |`,
      `| the same crowd on **warm connections** (another event and 1,000 other residents; each connection already open, as after loading the event page): throughput / failed / lost / duplicated / counters exact | ${warm.perSec.toFixed(0)} sign-ups/s / ${warm.failed} / ${warm.lost} / ${warm.duplicated} / ${warm.exact ? 'yes' : 'NO'} |`,
      `| **warm connections: HTTP sign-up throughput ÷ raw durable-txn throughput** (raw measured just before and after that round) | **${(warm.perSec / warm.raw).toFixed(2)}** |`,
    ]
    return { rows, problems }
  } finally {
    await stopServer(child)
    rmSync(dir, { recursive: true, force: true })
  }
}
