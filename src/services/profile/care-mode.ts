import Taro from '@tarojs/taro'
import { systemLargeFont } from '../core/system-font'
import { markAppCareMode } from './care-body'

/** Storage key of the resident's own choice ('on' / 'off'); absent means "follow the system". */
const KEY = 'cy.careMode'

type Listener = (on: boolean) => void
const listeners = new Set<Listener>()
let current: boolean | null = null

function stored(): boolean | null {
  const v: unknown = Taro.getStorageSync(KEY)
  return v === 'on' ? true : v === 'off' ? false : null
}

/**
 * Whether care mode (关怀模式) is on: the resident's switch in 我的 if they used it, else the
 * system's large-font setting where the platform exposes it (WeChat's font size setting).
 */
export function careModeOn(): boolean {
  if (current === null) {
    current = stored() ?? systemLargeFont()
    markAppCareMode(current)
  }
  return current
}

/** The resident's choice, remembered across launches; every mounted page follows at once. */
export function setCareMode(on: boolean): void {
  current = on
  Taro.setStorageSync(KEY, on ? 'on' : 'off')
  markAppCareMode(on)
  for (const l of listeners) l(on)
}

export function subscribeCareMode(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
