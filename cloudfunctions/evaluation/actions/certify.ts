import { certifyInput } from '../../_shared/contracts/evaluation'
import { defineAction } from '../../_shared/runtime/action'
import { decide, evaluationWrite } from '../application'

/** The district's decision on an application the street passed: certified (the title awarded) or rejected with reasons. */
export const certify = defineAction({
  input: certifyInput,
  ...evaluationWrite('evaluation.certify'),
  run: decide,
})
