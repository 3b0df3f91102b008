import { reviewInput } from '../../_shared/contracts/evaluation'
import { defineAction } from '../../_shared/runtime/action'
import { decide, evaluationWrite } from '../application'

/** The street's initial review: passes the application on to the district, or returns it to the community with reasons. */
export const review = defineAction({
  input: reviewInput,
  ...evaluationWrite('evaluation.review'),
  run: decide,
})
