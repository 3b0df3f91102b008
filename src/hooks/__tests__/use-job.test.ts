jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }))

import type { JobView } from '@shared/contracts/job'
import { followJob, progressText } from '../use-job'

const view = (done: number, state: JobView['state'] = 'running'): JobView<string> => ({
  _id: 'job_1',
  kind: 'ledgerExport',
  state,
  done,
  total: 25,
  startedAt: '',
  updatedAt: '',
  ...(state === 'done' ? { result: 'links' } : {}),
})

it('keeps calling continueJob until the job is done, showing 已完成 x / y after every call', async () => {
  const answers = [view(20), view(25, 'done')]
  const asked: string[] = []
  const shown: string[] = []
  const last = await followJob(view(10), async (id) => (asked.push(id), answers.shift() ?? view(25, 'done')), (v) => shown.push(progressText(v)), () => true)
  expect(asked).toEqual(['job_1', 'job_1'])
  expect(shown).toEqual(['已完成 10 / 25', '已完成 20 / 25', '已完成 25 / 25'])
  expect(last.result).toBe('links')
})

it('stops calling once the page is gone, leaving the job to the server timer', async () => {
  let open = true
  const asked: string[] = []
  const last = await followJob(view(10), async (id) => {
    asked.push(id)
    open = false
    return view(20)
  }, () => undefined, () => open)
  expect(asked).toHaveLength(1)
  expect(last.state).toBe('running')
})
