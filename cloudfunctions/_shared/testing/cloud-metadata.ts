import nock from 'nock'

/**
 * `@cloudbase/node-sdk` (through `@cloudbase/app`) asks Tencent Cloud's instance metadata service
 * (`http://metadata.tencentyun.com/latest/meta-data/app-id`) whether it runs inside Tencent Cloud.
 * Off the cloud that request simply fails and the SDK carries on; under nock's
 * `disableNetConnect` the refusal is emitted as an unhandled socket error that fails whichever
 * test happens to be running. Answer it as off-cloud (404) instead. Call after every
 * `nock.cleanAll()`.
 */
export function answerCloudMetadataAsOffCloud(): void {
  nock('http://metadata.tencentyun.com').persist().get(/.*/).reply(404, 'not on Tencent Cloud')
}

/**
 * The nock lifecycle of a suite that states every CloudBase request it expects: no real network,
 * the metadata probe answered, and after each test every stated request must have been made.
 */
export function strictNockSuite(): void {
  beforeAll(() => nock.disableNetConnect())
  beforeEach(() => answerCloudMetadataAsOffCloud())
  afterEach(() => {
    const pending = nock.pendingMocks().filter((m) => !m.includes('metadata.tencentyun.com'))
    nock.cleanAll()
    expect(pending).toEqual([])
  })
  afterAll(() => {
    nock.enableNetConnect()
    // Take nock's interceptor off the shared http module so no other test file inherits it.
    nock.restore()
  })
}
