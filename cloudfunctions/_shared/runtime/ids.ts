import { randomBytes } from 'node:crypto'

/** A new document id: a short prefix naming the concept and 72 random bits. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(9).toString('base64url')}`
}
