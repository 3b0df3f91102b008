import type * as v from 'valibot'
import type { AuditKind } from '../domain/audit'
import type { Collections } from '../store/collections'
import type { Store } from '../store/port'
import type { Caller } from './caller'
import type { Keyring } from './keyring'

/** What every action receives besides its input. */
export interface Ctx {
  store: Store<Collections>
  caller: Caller
  /** The clock; tests pass a fixed one. */
  now: () => Date
  /** Server-side keys (keyed hashes, MACs, field encryption). */
  keyring: Keyring
}

/** Who may call an action at all; finer checks (role, org scope) happen inside it. */
export type Access = 'any' | 'resident' | 'staff'

export interface Action<S extends v.GenericSchema = v.GenericSchema, O = unknown> {
  input: S
  access: Access
  /** Audited actions get an append-only record of every call, whatever its outcome. */
  audit?: AuditKind
  /** The record an audited call acts on, read from its input (e.g. `{ id }` → id). */
  target?(input: v.InferOutput<S>): string | null
  // Method syntax on purpose: it lets a map hold actions of different input types.
  run(input: v.InferOutput<S>, ctx: Ctx): Promise<O>
}

/** Declares an action: its input schema (from the contracts), who may call it, and its body. */
export function defineAction<S extends v.GenericSchema, O>(action: Action<S, O>): Action<S, O> {
  return action
}

/** A function's actions by name. */
export type ActionMap = Record<string, Action<v.GenericSchema, unknown>>
