import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'

const PREFIX = 'cy.draft.'

/**
 * State that survives closing the app: read from storage on mount (when `valid` accepts it),
 * written back shortly after each change, removed with `clear()` once submitted.
 */
export function useDraft<T>(key: string, initial: () => T, valid: (stored: unknown) => stored is T): [T, (next: T | ((prev: T) => T)) => void, () => void] {
  const [value, setValue] = useState<T>(() => {
    const stored: unknown = Taro.getStorageSync(PREFIX + key)
    return stored !== '' && valid(stored) ? stored : initial()
  })
  const cleared = useRef(false)
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    cleared.current = false
    const timer = setTimeout(() => {
      if (!cleared.current) Taro.setStorageSync(PREFIX + key, value)
    }, 300)
    return () => clearTimeout(timer)
  }, [value])
  const clear = () => {
    cleared.current = true
    Taro.removeStorageSync(PREFIX + key)
  }
  return [value, setValue, clear]
}
