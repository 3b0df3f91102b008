/**
 * Every test file at the CloudBase HTTP boundary shares one nock lifecycle (`nockSuite`), and the
 * SDK's on-cloud probe is answered so that it is asked once, not on every call. Without both, a
 * probe outliving its file reached real DNS and failed an unrelated file in the same jest worker.
 */
import { readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import nock from 'nock'
import { execFileSync } from 'node:child_process'
import { nockSuite } from '../cloud-metadata'

const ROOT = join(__dirname, '../../../..')

nockSuite()

describe('the nock lifecycle', () => {
  it('every test file that imports nock goes through nockSuite or strictNockSuite', () => {
    const files = execFileSync('git', ['ls-files', '*.test.ts', '*.test.tsx'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean)
    const usesNock = files.filter((f) => /from 'nock'/.test(readFileSync(join(ROOT, f), 'utf8')))
    expect(usesNock.length).toBeGreaterThanOrEqual(5)
    const without = usesNock.filter((f) => !/\b(strictNockSuite|nockSuite)\(/.test(readFileSync(join(ROOT, f), 'utf8')))
    expect(without.map((f) => relative(ROOT, join(ROOT, f)))).toEqual([])
  })

  it('the node-sdk remembers an off-cloud answer and stops asking the metadata service', async () => {
    let probes = 0
    nock.cleanAll()
    nock('http://metadata.tencentyun.com').persist().get(/.*/).reply(() => {
      probes += 1
      return [200, 'off-cloud']
    })
    const platform = require('@cloudbase/node-sdk/dist/utils/cloudplatform') as { checkIsInTencentCloud: () => Promise<boolean> }
    // The SDK gives each probe 30 ms; on a loaded machine one may time out (not remembered) and the
    // next call asks again. Once an answer has arrived in time, no call asks again.
    let settled = false
    for (let i = 0; i < 20 && !settled; i++) {
      const before = probes
      expect(await platform.checkIsInTencentCloud()).toBe(false)
      settled = i > 0 && probes === before
    }
    expect(settled).toBe(true)
    const after = probes
    for (let i = 0; i < 5; i++) expect(await platform.checkIsInTencentCloud()).toBe(false)
    expect(probes).toBe(after)
    expect(probes).toBeGreaterThanOrEqual(1)
  })
})
