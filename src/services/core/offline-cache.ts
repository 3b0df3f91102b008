import Taro from '@tarojs/taro'

/**
 * A small cache of list pages in Taro storage, so a list opens with what was last seen (poor
 * signal in a village or a crowded hall) while the fresh page loads. Bounded: the oldest entry
 * goes when more than `MAX_ENTRIES` are kept.
 */
const PREFIX = 'cy.cache.'
const INDEX_KEY = 'cy.cache.index'
const MAX_ENTRIES = 12

interface Entry<T> {
  at: string
  value: T
}

function readIndex(): string[] {
  const raw: unknown = Taro.getStorageSync(INDEX_KEY)
  return Array.isArray(raw) ? raw.filter((k): k is string => typeof k === 'string') : []
}

/** The cached value and when it was stored, or null. */
export function readCache<T>(key: string): Entry<T> | null {
  try {
    const raw: unknown = Taro.getStorageSync(PREFIX + key)
    if (!raw || typeof raw !== 'object' || !('value' in raw) || !('at' in raw)) return null
    return raw as Entry<T>
  } catch {
    return null
  }
}

export function writeCache<T>(key: string, value: T): void {
  try {
    const index = [key, ...readIndex().filter((k) => k !== key)]
    for (const old of index.splice(MAX_ENTRIES)) Taro.removeStorageSync(PREFIX + old)
    Taro.setStorageSync(PREFIX + key, { at: new Date().toISOString(), value } satisfies Entry<T>)
    Taro.setStorageSync(INDEX_KEY, index)
  } catch {
    // Storage full or unavailable: the list still works, only without the offline copy.
  }
}

/** Forgets every cached list (after deleting my data, or signing in as someone else). */
export function clearCache(): void {
  for (const key of readIndex()) Taro.removeStorageSync(PREFIX + key)
  Taro.removeStorageSync(INDEX_KEY)
}
