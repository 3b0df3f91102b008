import { useEffect, useState } from 'react'
import { careModeOn, setCareMode, subscribeCareMode } from '../services/profile/care-mode'

/** Care mode (关怀模式) as a page sees it: on/off, following the switch in 我的 live. */
export function useCareMode(): { on: boolean; set: (on: boolean) => void } {
  const [on, setOn] = useState(careModeOn)
  useEffect(() => subscribeCareMode(setOn), [])
  return { on, set: setCareMode }
}
