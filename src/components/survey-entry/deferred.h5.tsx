import { Suspense, lazy, useEffect, useState } from 'react'
import type { SurveyEntryProps } from './index'
import { afterFirstScreen } from '../../utils/after-first-screen'

// Offline (the chunk cannot load): no card, as when there is no open survey; never a broken home.
const SurveyEntry = lazy(() => import(/* webpackChunkName: "survey-entry" */ './index').catch(() => ({ default: () => null })))

/**
 * Browser build: the home's survey card (with the survey and outbox code it needs) is fetched
 * after the first screen is in, not with it (issue 24 item 3). It draws nothing until its own
 * `openSurveys` answer arrives anyway, so the card appears as before, only without holding up the
 * list on a slow network.
 */
export default function DeferredSurveyEntry(props: SurveyEntryProps) {
  const [ready, setReady] = useState(false)
  useEffect(() => afterFirstScreen(() => setReady(true)), [])
  if (!ready) return null
  return (
    <Suspense fallback={null}>
      <SurveyEntry {...props} />
    </Suspense>
  )
}
