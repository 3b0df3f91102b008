import { deleteMineInput, type DeleteMineOutput } from '../../_shared/contracts/profile'
import type { EventSignup } from '../../_shared/domain/event'
import type { InboxMessage } from '../../_shared/domain/inbox'
import type { Case } from '../../_shared/domain/case'
import { defineAction } from '../../_shared/runtime/action'
import { where } from '../../_shared/store/port'
import { forgetSignup } from '../../_shared/application/forget-signup'
import { fillFromWaitlist } from '../../_shared/application/event-places'
import { anonymiseCase } from '../../_shared/application/anonymise'
import { forgetReminders } from '../../_shared/application/forget-reminders'
import { forgetServiceRecords } from '../forget-services'
import { forgetMe } from '../me'
import { all } from './export-mine'

/** Inbox messages removed per transaction. */
const INBOX_BATCH = 50

/**
 * 删除我的数据. Each step is its own transaction and safe to repeat, so an interrupted run is
 * finished by the next one and a second call changes nothing:
 * - registrations are anonymised (personal fields removed, slots freed) while the case's stage,
 *   ventures and benefits stay, so no counter moves;
 * - sign-ups to events still to come give their place back through the events' own guarded
 *   release (the waitlist moves up) and are deleted; sign-ups the counts still include (the event
 *   took place, or was cancelled) keep no name or phone;
 * - feedback, course enrolments, mentor requests and site applications keep their status and
 *   dates (what the counters count) but lose the resident's words, name and identity;
 * - inbox messages, policy-reminder records and the profile are deleted.
 */
export const deleteMine = defineAction({
  input: deleteMineInput,
  access: 'resident',
  audit: 'write',
  async run(_input, ctx): Promise<DeleteMineOutput> {
    const { caller, store } = ctx
    const me = caller.id
    const at = ctx.now().toISOString()

    let intentsAnonymised = 0
    for (const i of await all(store.collection('cases'), where.eq<Case>('residentId', me))) {
      if (await anonymiseCase(ctx, i._id, at, (current) => current.residentId === me)) intentsAnonymised++
    }

    let signupsDeleted = 0
    let signupsAnonymised = 0
    const freed = new Set<string>()
    for (const s of await all(store.collection('eventSignups'), where.eq<EventSignup>('residentId', me))) {
      const outcome = await forgetSignup(ctx, s._id, me)
      if (outcome === 'released') freed.add(s.eventId)
      if (outcome === 'released' || outcome === 'removed') signupsDeleted++
      if (outcome === 'anonymised') signupsAnonymised++
    }
    // Places given back go to the waitlist, as after any cancellation.
    for (const eventId of freed) await fillFromWaitlist(ctx, eventId)

    const messages = await all(store.collection('inbox'), where.eq<InboxMessage>('residentId', me))
    let inboxDeleted = 0
    for (let k = 0; k < messages.length; k += INBOX_BATCH) {
      const batch = messages.slice(k, k + INBOX_BATCH)
      inboxDeleted += await store.transaction(async (tx) => {
        let n = 0
        for (const m of batch) if (await tx.collection('inbox').remove(m._id)) n++
        return n
      })
    }

    const remindersDeleted = await forgetReminders(ctx, me)
    const serviceRecordsAnonymised = await forgetServiceRecords(ctx, me)
    const profileDeleted = await forgetMe(ctx)
    return { profileDeleted, intentsAnonymised, signupsDeleted, signupsAnonymised, inboxDeleted, remindersDeleted, serviceRecordsAnonymised }
  },
})
