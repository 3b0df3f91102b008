import type { Project } from '../cloudfunctions/_shared/domain/project'
import type { Collections } from '../cloudfunctions/_shared/store/collections'
import type { TxStore } from '../cloudfunctions/_shared/store/port'
import { DEMO_PROJECTS, demoId, staggeredByOrg } from './seed-data'

/**
 * Seeds the demo project reserve inside the caller's transaction. (Demo intents are not seeded:
 * their ID numbers must be sealed with the runtime's keyring, which `seedDemo` is not given.)
 */
export async function seedDemoProjects(tx: TxStore<Collections>, now: Date): Promise<void> {
  for (const { item: p, org, stamp } of staggeredByOrg('project', DEMO_PROJECTS, now)) {
    const { key, ...fields } = p
    const project: Project = {
      _id: demoId('prj', key),
      ...fields,
      orgPath: org.path,
      orgName: org.name,
      status: 'active',
      createdAt: stamp,
      updatedAt: stamp,
      updatedBy: 'st_admin',
      version: 1,
    }
    await tx.collection('projects').insert(project)
  }
}
