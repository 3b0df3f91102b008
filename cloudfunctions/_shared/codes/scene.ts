import { randomBytes } from 'node:crypto'
import { formatScene, parseScene, SCENE_MAC_CHARS, type Scene, sceneBody } from '../domain/event'
import type { Keyring } from '../runtime/keyring'

const PURPOSE = 'event-scene'

/** A signed scene for `scene` (its MAC computed here, server-side). */
export function signScene(keyring: Keyring, scene: { kind: 'poster'; code: string } | { kind: 'checkin'; code: string; slot: number }): string {
  const mac = keyring.mac(PURPOSE, sceneBody(scene), SCENE_MAC_CHARS)
  return formatScene({ ...scene, mac })
}

/** The scene if it is ours and untampered, else null. Freshness is the caller's check. */
export function verifyScene(keyring: Keyring, raw: string): Scene | null {
  const scene = parseScene(raw)
  if (!scene) return null
  return keyring.verifyMac(PURPOSE, sceneBody(scene), scene.mac) ? scene : null
}

/** Event ids are derived from their short code, so a scene needs no lookup by code. */
export function eventIdOf(code: string): string {
  return `ev_${code}`
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'

/** An 8-character code (no look-alike characters) carried in every QR scene: events' and courses'. */
export function newCode(): string {
  const bytes = randomBytes(8)
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('')
}
