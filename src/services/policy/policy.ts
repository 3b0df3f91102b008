import type { PolicyDraftInput, PolicyListInput } from '@shared/contracts/policy'
import { call } from '../core/cloud'

export function listPolicies(input: PolicyListInput) {
  return call('policy', 'list', input)
}

export function getPolicy(id: string) {
  return call('policy', 'get', { id })
}

/** Creates (no id) or updates (id + version) a policy; a new one starts as a draft. */
export function savePolicy(draft: PolicyDraftInput) {
  return call('policy', 'save', draft)
}

export function publishPolicy(id: string) {
  return call('policy', 'publish', { id })
}

export function archivePolicy(id: string) {
  return call('policy', 'archive', { id })
}
