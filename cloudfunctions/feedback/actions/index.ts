import type { ActionMap } from '../../_shared/runtime/action'
import type { PhotoFiles } from '../../_shared/files/photo-files'
import { makeAssign } from './assign'
import { makeClose } from './close'
import { makeGet } from './get'
import { list } from './list'
import { mine } from './mine'
import { makeReopen } from './reopen'
import { makeReply } from './reply'
import { stats } from './stats'
import { makeSubmit } from './submit'

/**
 * The `feedback` function's actions (residents and community staff). `files` is where photos
 * live; each composition root binds its own (cloud storage on CloudBase, a folder locally).
 */
export function makeFeedbackActions(files: () => PhotoFiles) {
  return {
    submit: makeSubmit(files),
    mine,
    list,
    get: makeGet(files),
    reply: makeReply(files),
    assign: makeAssign(files),
    close: makeClose(files),
    reopen: makeReopen(files),
    stats,
  } satisfies ActionMap
}
