/**
 * The SDK inside a built function bundle, at its HTTP boundary. `build:functions` bundles
 * `@cloudbase/node-sdk` (with parts left out or loaded lazily, `scripts/sdk-bundle.ts`); this
 * builds the `feedback` function the same way, loads its `index.js` and runs real actions
 * through the exported `main` with a WeChat context, while nock stands in for CloudBase's
 * database and storage (`support/cloudbase-http-db.ts`). The process looks like an SCF
 * instance (the variables the SDK reads there: `TENCENTCLOUD_RUNENV`, `SCF_NAMESPACE`,
 * `TENCENTCLOUD_REGION`, the role's `TENCENTCLOUD_SECRETID` / `SECRETKEY` / `SESSIONTOKEN`), so
 * the bundle's SDK takes its in-cloud path: the internal API host, no metadata probe.
 *
 * A bundle whose SDK is broken (a module our calls use stubbed out, a request shape changed)
 * fails here: every answer below comes from what its SDK actually sent.
 */
import { rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { nockSuite } from '../../cloudfunctions/_shared/testing/cloud-metadata'
import { buildFunctions } from '../build-functions'
import { SDK_VERSION } from '../sdk-bundle'
import { type FakeCloudbase, fromEjson, serveCloudbase } from './support/cloudbase-http-db'

const ROOT = resolve(__dirname, '../..')
const OUT = join(ROOT, 'dist', `functions-sdk-${process.pid}`)
const ENV_ID = 'env-bundle-1'
const HOST = `http://${ENV_ID}.internal.ap-shanghai.tcb-api.tencentcloudapi.com`
const COS = 'https://cos.bundle-test.example'
const OPENID = 'oResidentBundleTest0123456789'
const SCF_ENV: Record<string, string> = {
  TENCENTCLOUD_RUNENV: 'SCF',
  SCF_NAMESPACE: ENV_ID,
  TENCENTCLOUD_REGION: 'ap-shanghai',
  TENCENTCLOUD_SECRETID: 'AKIDbundleRoleSecretId',
  TENCENTCLOUD_SECRETKEY: 'bundle-role-secret-key-never-sent',
  TENCENTCLOUD_SESSIONTOKEN: 'bundle-session-token',
  APP_SECRET: 'bundle-test-master-secret-0123456789abcdef',
}
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(120, 7)])
const PHOTO = `cloud://${ENV_ID}.bucket-1/feedback-uploads/${OPENID}/p1.png`

type Main = (event: unknown, context: unknown) => Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string } }>

/** What CloudBase passes when a mini-program calls the function (the current runtime's JSON form). */
const wechatContext = (openid: string) => ({ request_id: 'req-1', environment: JSON.stringify({ WX_OPENID: openid, WX_APPID: 'wx0123456789abcdef', TCB_ENV: ENV_ID }) })

const community = { _id: 'org-c1', name: '幸福社区', level: 'community', parentId: 'street-1', path: ['city-1', 'district-1', 'street-1', 'org-c1'] }
const earlier = {
  _id: 'fb-old', residentId: OPENID, anonymous: false, contactName: '', communityId: 'org-c1', communityPath: community.path, communityName: '幸福社区',
  kind: 'suggestion', text: '希望增加夜间咨询时间', photos: [], subjectKind: null, subjectId: null, subjectTitle: '', caseId: null, status: 'received',
  assigneeId: '', assigneeName: '', messages: [], events: [], createdAt: '2026-11-01T02:00:00.000Z', firstDueDate: '2026-11-08', dueDate: '2026-11-08',
  firstAnsweredAt: '', answeredAt: '', closedAt: '', closedBy: '', resolution: null, resolutionNote: '', rating: null, ratingComment: '', ratedAt: '',
  reopenCount: 0, updatedAt: '2026-11-01T02:00:00.000Z', version: 1,
}
const someoneElses = { ...earlier, _id: 'fb-other', residentId: 'oSomeoneElse0123456789abcdef' }

let main: Main
const saved: Record<string, string | undefined> = {}

nockSuite()

beforeAll(async () => {
  await buildFunctions(OUT, ['feedback'])
  for (const [k, v] of Object.entries(SCF_ENV)) {
    saved[k] = process.env[k]
    process.env[k] = v
  }
  ;({ main } = require(join(OUT, 'feedback', 'index.js')) as { main: Main })
}, 60000)

afterAll(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
  rmSync(OUT, { recursive: true, force: true })
})

function serve(): FakeCloudbase {
  return serveCloudbase({ host: HOST, cos: COS, collections: { orgs: [community], feedback: [earlier, someoneElses], staff: [] }, files: { [PHOTO.replace(/^cloud:\/\/[^/]+\//, '')]: PNG } })
}

const queryOf = (db: FakeCloudbase, action: string, collection: string) =>
  db.seen.filter((s) => s.body.action === action && s.body.collectionName === collection).map((s) => fromEjson(JSON.parse(String(s.body.query))))

describe('a function bundle with the SDK inside (feedback)', () => {
  it('answers a resident read: the caller is resolved from WX_OPENID in the database, then their own items are queried', async () => {
    const db = serve()
    const reply = await main({ action: 'mine', data: {} }, wechatContext(OPENID))
    expect(reply).toMatchObject({ ok: true, data: { items: [{ _id: 'fb-old', excerpt: '希望增加夜间咨询时间' }], next: null } })
    // Caller resolution: staff by OPENID (none, so a resident), then the resident's own query.
    expect(queryOf(db, 'database.getDocument', 'staff')).toEqual([{ $and: [{ openid: { $eq: OPENID } }, { active: { $eq: true } }] }])
    expect(queryOf(db, 'database.getDocument', 'feedback')).toEqual([{ residentId: { $eq: OPENID } }])
    // The in-cloud path: the env's internal host, signed with the function role's key and its
    // session token, the SDK's real version in the headers (not read from a package.json).
    for (const s of db.seen) {
      expect(s.path).toMatch(new RegExp(`^/admin\\?env=${ENV_ID}&seqId=`))
      expect(s.body.envName).toBe(ENV_ID)
      expect(String(s.headers.authorization)).toMatch(/^TC3-HMAC-SHA256 Credential=AKIDbundleRoleSecretId\/.*Signature=[0-9a-f]{64}$/)
      expect(s.body.sessionToken).toBe(SCF_ENV.TENCENTCLOUD_SESSIONTOKEN)
      expect(s.headers['user-agent']).toBe(`tcb-node-sdk/${SDK_VERSION}`)
      expect(JSON.stringify(s)).not.toContain(SCF_ENV.TENCENTCLOUD_SECRETKEY)
    }
  })

  it('writes inside a transaction: reads the uploaded photo from storage, inserts the item and moves its counters under one transaction id, commits, and links the photo', async () => {
    const db = serve()
    const reply = await main(
      { action: 'submit', data: { kind: 'consultation', communityId: 'org-c1', text: '创业担保贷款怎么申请', photos: [PHOTO] } },
      wechatContext(OPENID),
    )
    expect(reply).toMatchObject({ ok: true, data: { view: 'resident', text: '创业担保贷款怎么申请', communityName: '幸福社区' } })
    const view = reply.data as { _id: string; photos: { url: string }[] }
    // getTempFileURL: the temporary link CloudBase handed out for the photo.
    expect(view.photos).toEqual([expect.objectContaining({ url: `${COS}/feedback-uploads/${OPENID}/p1.png` })])
    // downloadFile: a download link, then the bytes fetched from it (checked as a PNG).
    const links = db.seen.filter((s) => s.body.action === 'storage.batchGetDownloadUrl')
    expect(links.map((s) => (s.body.file_list as { fileid: string }[])[0].fileid)).toEqual([PHOTO, PHOTO])

    const actions = db.actions()
    const start = actions.indexOf('database.startTransaction')
    const commit = actions.indexOf('database.commitTransaction')
    expect(start).toBeGreaterThanOrEqual(0)
    expect(commit).toBeGreaterThan(start)
    const inTx = db.seen.slice(start + 1, commit + 1)
    expect(inTx.map((s) => s.body.action)).toContain('database.insertDocument')
    const txIds = new Set(inTx.map((s) => s.body.transactionId))
    expect(txIds.size).toBe(1)
    expect([...txIds][0]).toEqual(expect.any(String))
    // Committed: the item is in the database as the action wrote it, counters moved with it.
    expect(db.doc('feedback', view._id)).toMatchObject({ residentId: OPENID, communityId: 'org-c1', kind: 'consultation', photos: [PHOTO], status: 'received' })
    expect(inTx.filter((s) => s.body.action !== 'database.insertDocument' && s.body.action !== 'database.commitTransaction').length).toBeGreaterThan(0)
    expect(actions).not.toContain('database.abortTransaction')
  })

  it('refuses a photo storage does not hold, with the field, and writes nothing', async () => {
    const db = serve()
    const missing = `cloud://${ENV_ID}.bucket-1/feedback-uploads/${OPENID}/gone.png`
    const reply = await main({ action: 'submit', data: { kind: 'consultation', communityId: 'org-c1', text: '创业担保贷款怎么申请', photos: [missing] } }, wechatContext(OPENID))
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(JSON.stringify(reply)).toContain('photos.0')
    expect(db.actions()).not.toContain('database.startTransaction')
    expect(db.all('feedback').map((f) => f._id).sort()).toEqual(['fb-old', 'fb-other'])
  })
})
