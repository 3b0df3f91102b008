/**
 * The floor of any HTTP sign-up path on this machine (bench/burst.ts runs it beside the runtime):
 * a bare `node:http` server with the runtime's accept queue that, for each POST, reads the body,
 * parses it, checks one HMAC (as a token check does) and answers a small JSON reply. No framework,
 * no validation, no store. Prints `BARE_HTTP_PORT <port>` once listening.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer } from 'node:http'
import { LISTEN_BACKLOG } from '../server/env'

const key = randomBytes(32)
const server = createServer((req, res) => {
  const chunks: Buffer[] = []
  req.on('data', (c: Buffer) => chunks.push(c))
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data?: { requestId?: string } }
    const [payload = '', sig = ''] = String(req.headers.authorization ?? '').slice('Bearer '.length).split('.')
    const mac = createHmac('sha256', key).update(payload).digest()
    const given = Buffer.from(sig, 'base64url')
    const signed = given.length === mac.length && timingSafeEqual(given, mac)
    const out = JSON.stringify({ ok: true, data: { _id: body.data?.requestId ?? null, outcome: 'confirmed', signed } })
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(out) })
    res.end(out)
  })
})
server.listen({ port: 0, host: '127.0.0.1', backlog: LISTEN_BACKLOG }, () => {
  const address = server.address()
  console.log(`BARE_HTTP_PORT ${typeof address === 'object' && address ? address.port : 0}`)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
