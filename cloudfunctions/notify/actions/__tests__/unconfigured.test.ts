import type { InboxOutput, PushStatusOutput, PushView } from '../../../_shared/contracts/notify'
import { makeHarness, resident, staffId } from '../../../_shared/testing/harness'
import { policyActions } from '../../../policy/actions'
import { profileActions } from '../../../profile/actions'
import { draft } from '../../../_shared/testing/harness'
import type { PolicyView } from '../../../_shared/contracts/policy'
import { notifyActions } from '..'
import { STAFF } from './fixtures'

/** Loads the deployed entry (cloudfunctions/notify/index.ts) fresh under `env`. */
async function loadEntry(env: Record<string, string>) {
  const saved = { ...process.env }
  Object.assign(process.env, env)
  try {
    jest.resetModules()
    return await import('../../index')
  } finally {
    process.env = saved
  }
}

it('loads with the template variable the CLI left unresolved, pushes to the inbox only, and tells staff 未配置', async () => {
  const entry = await loadEntry({ SUBSCRIBE_TEMPLATE_POLICY: '{{env.SUBSCRIBE_TEMPLATE_POLICY}}', SUBSCRIBE_TEMPLATE_POLICY_FIELDS: '{{env.SUBSCRIBE_TEMPLATE_POLICY_FIELDS}}' })
  expect(typeof entry.main).toBe('function')
  expect(entry.notifyDeps.template).toBeNull()

  // The entry's own dependencies over a test store. Its WeChat sender needs wx-server-sdk, which
  // is not installed here: a push that completes proves nothing went to WeChat.
  const h = await makeHarness(STAFF)
  const actions = notifyActions(entry.notifyDeps)
  await h.ok(profileActions, resident('r1'), 'save', { communityId: 'comm-a', targetGroups: [] })
  await h.ok(actions, resident('r1'), 'subscribe', { categories: [], targetGroups: [], channel: 'weapp', accepted: [], active: true })
  const saved = await h.ok<PolicyView>(policyActions, staffId('district'), 'save', draft())
  const policy = await h.ok<PolicyView>(policyActions, staffId('district'), 'publish', { id: saved._id })
  const view = await h.ok<PushView>(actions, staffId('district'), 'push', { policyId: policy._id, communityIds: ['comm-a'], targetGroups: [] })
  // Filed in the inbox; the WeChat half is recorded as not sent (未配置订阅消息模板), never attempted.
  expect(view).toMatchObject({ recipients: 1, sent: 0, queued: 0, failed: 1, done: true })
  expect((await h.ok<InboxOutput>(actions, resident('r1'), 'inbox', {})).items).toHaveLength(1)

  const status = await h.ok<PushStatusOutput>(actions, staffId('district'), 'pushStatus', { policyId: policy._id })
  expect(status.subscribeTemplate).toMatchObject({ configured: false, label: '未配置' })
  expect(status.subscribeTemplate.note).toContain('推送只进入站内消息')
  expect(status.subscribeTemplate.note).toContain('SUBSCRIBE_TEMPLATE_POLICY')
})

it('says 已配置 when the template id is set', async () => {
  const entry = await loadEntry({ SUBSCRIBE_TEMPLATE_POLICY: 'tmpl_ABC123' })
  expect(entry.notifyDeps.template?.templateId).toBe('tmpl_ABC123')
  const h = await makeHarness(STAFF)
  const saved = await h.ok<PolicyView>(policyActions, staffId('district'), 'save', draft())
  const status = await h.ok<PushStatusOutput>(notifyActions(entry.notifyDeps), staffId('district'), 'pushStatus', { policyId: saved._id })
  expect(status.subscribeTemplate).toEqual({ configured: true, label: '已配置', note: '' })
})
