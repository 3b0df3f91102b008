import type { Project } from '../cloudfunctions/_shared/domain/project'
import type { Collections } from '../cloudfunctions/_shared/store/collections'
import type { TxStore } from '../cloudfunctions/_shared/store/port'
import { DEMO_PROJECTS, keptDemoItems } from './seed-data'

/**
 * Seeds the demo project reserve inside the caller's transaction. (Demo intents are not seeded:
 * their ID numbers must be sealed with the runtime's keyring, which `seedDemo` is not given.)
 */
export async function seedDemoProjects(tx: TxStore<Collections>, now: Date): Promise<void> {
  for (const { kept, fields } of keptDemoItems('project', 'prj', DEMO_PROJECTS, now)) {
    const project: Project = { ...kept, ...fields, status: 'active' }
    await tx.collection('projects').insert(project)
  }
}
