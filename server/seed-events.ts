import { freshEventState, type PromotionEvent } from '../cloudfunctions/_shared/domain/event'
import type { Collections } from '../cloudfunctions/_shared/store/collections'
import type { TxStore } from '../cloudfunctions/_shared/store/port'
import { DEMO_EVENTS, DEMO_ORGS, demoId } from './seed-data'

const HOUR = 3_600_000

/** Seeds the demo events inside the caller's transaction; nobody has signed up yet. */
export async function seedDemoEvents(tx: TxStore<Collections>, now: Date): Promise<void> {
  const at = now.toISOString()
  // Start on a whole half hour, as real events do.
  const base = Math.round(now.getTime() / (HOUR / 2)) * (HOUR / 2)
  for (const d of DEMO_EVENTS) {
    const org = DEMO_ORGS.find((o) => o._id === d.orgId)
    if (!org) throw new Error(`seed event ${d.code} names unknown org ${d.orgId}`)
    const start = base + d.startsInHours * HOUR
    const end = start + d.hours * HOUR
    const event: PromotionEvent = {
      _id: `ev_${d.code}`,
      code: d.code,
      orgId: org._id,
      orgPath: org.path,
      orgName: org.name,
      title: d.title,
      description: d.description,
      place: d.place,
      startAt: new Date(start).toISOString(),
      endAt: new Date(end).toISOString(),
      capacity: d.capacity,
      signupFrom: new Date(now.getTime() - 24 * HOUR).toISOString(),
      signupUntil: new Date(Math.max(start, end - HOUR)).toISOString(),
      walkIn: d.walkIn,
      surveyId: d.surveyId,
      policyIds: d.policyKeys.map((k) => demoId('pol', k)),
      ...freshEventState(),
      createdAt: at,
      updatedAt: at,
      updatedBy: 'st_jinsha',
      version: 1,
    }
    await tx.collection('events').insert(event)
  }
}
