import nock from 'nock'

/**
 * `@cloudbase/node-sdk` (and `@cloudbase/app`) ask Tencent Cloud's instance metadata service
 * (`http://metadata.tencentyun.com/latest/meta-data/app-id`) whether they run inside Tencent Cloud.
 * Off the cloud that request fails and the SDK carries on, but it does not remember the failure:
 * every later call probes again, and a probe still resolving when a test file ends reached real
 * DNS and surfaced as an unhandled `getaddrinfo ENOTFOUND` in whichever file ran next in that
 * worker (a red CI on `server/__tests__/app.test.ts`, which uses no network at all).
 *
 * Answer it as off-cloud with a 200 that is not an app id: the SDK caches that as "not on Tencent
 * Cloud" and does not ask again. Call after every `nock.cleanAll()`.
 */
export function answerCloudMetadataAsOffCloud(): void {
  nock('http://metadata.tencentyun.com').persist().get(/.*/).reply(200, 'off-cloud')
}

/**
 * The nock lifecycle every test file at the CloudBase HTTP boundary uses: nock on (re-activated if
 * an earlier file in this worker restored it), no real network, the metadata probe answered, and
 * at the end nock taken off the shared `http` module so no later file inherits its interceptor or
 * its refusal. With `strict`, after each test every stated request must have been made.
 */
export function nockSuite(options: { strict?: boolean } = {}): void {
  beforeAll(() => {
    if (!nock.isActive()) nock.activate()
    nock.disableNetConnect()
  })
  beforeEach(() => answerCloudMetadataAsOffCloud())
  afterEach(() => {
    const pending = nock.pendingMocks().filter((m) => !m.includes('metadata.tencentyun.com'))
    nock.cleanAll()
    if (options.strict) expect(pending).toEqual([])
  })
  afterAll(() => {
    nock.cleanAll()
    nock.enableNetConnect()
    nock.restore()
  })
}

/** `nockSuite` for a suite that states every CloudBase request it expects. */
export function strictNockSuite(): void {
  nockSuite({ strict: true })
}
