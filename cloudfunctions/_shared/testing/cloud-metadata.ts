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
