import type { Project } from '../cloudfunctions/_shared/domain/project'
import type { Collections } from '../cloudfunctions/_shared/store/collections'
import type { TxStore } from '../cloudfunctions/_shared/store/port'
import { DEMO_ORGS, DEMO_PROJECTS } from './seed-data'

/**
 * Seeds the demo project reserve inside the caller's transaction. (Demo intents are not seeded:
 * their ID numbers must be sealed with the runtime's keyring, which `seedDemo` is not given.)
 */
export async function seedDemoProjects(tx: TxStore<Collections>, now: Date): Promise<void> {
  const byId = new Map(DEMO_ORGS.map((o) => [o._id, o]))
  let i = 0
  for (const p of DEMO_PROJECTS) {
    const org = byId.get(p.orgId)
    if (!org) throw new Error(`seed project ${p.key} names unknown org ${p.orgId}`)
    const stamp = new Date(now.getTime() - (DEMO_PROJECTS.length - i++) * 3600_000).toISOString()
    const { key, ...fields } = p
    const project: Project = {
      _id: `prj_demo_${key.replace(/[^A-Za-z0-9]/g, '_')}`,
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
