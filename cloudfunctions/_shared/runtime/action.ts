import type * as v from 'valibot'
import type { AuditKind } from '../domain/audit'
import type { OrgLevel } from '../domain/org'
import type { Permission, StaffRole } from '../domain/roles'
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

/** Who may call an action at all: any signed-in caller, residents only, or staff only. */
export type Access = 'any' | 'resident' | 'staff'

/** A staff caller, as a staff-only action's handler sees it. */
export type StaffCaller = Extract<Caller, { kind: 'staff' }>

/** The context of a staff-only action: its caller is staff (dispatch refused anyone else). */
export interface StaffCtx extends Ctx {
  caller: StaffCaller
}

/**
 * The caller of a branch only staff reach: one a declared rule admits staff to (`rules`), or one
 * past `loadInScope`, which answers 404 to anyone else. Not an access check: dispatch (or the
 * loader) refused every other caller before, so reaching the throw is a bug.
 */
export function admittedStaff(caller: Caller): StaffCaller {
  if (caller.kind !== 'staff') throw new Error('admittedStaff: a branch for staff reached by a resident')
  return caller
}

/** A resident caller, as a resident-only action's handler sees it. */
export type ResidentCaller = Extract<Caller, { kind: 'resident' }>

/** `admittedStaff` for a branch a declared rule admits residents only to. */
export function admittedResident(caller: Caller): ResidentCaller {
  if (caller.kind !== 'resident') throw new Error('admittedResident: a branch for residents reached by staff')
  return caller
}

/** The context of a resident-only action: its caller is a resident (dispatch refused staff). */
export interface ResidentCtx extends Ctx {
  caller: ResidentCaller
}

/**
 * Access that depends on the input or on the kind of caller, declared beside the action: for the
 * inputs `when` picks (all if absent) from callers of kind `caller` (all if absent), the caller
 * must be of kind `access` (and, for staff, hold `permission`). Dispatch asks every rule once the
 * input is valid, after the action's own `permission` and before the handler, and refuses with
 * 403 (`refusal`, else the kind's default message) and an audited 'denied' record. E.g. an open
 * `list` whose `view: 'manage'` is for staff only, or the staff side of an action open to both.
 */
export type AccessRule<I> = {
  /** Which inputs or callers the rule is for, in words (the README's access table shows it). */
  on: string
  when?(input: I): boolean
  caller?: Caller['kind']
  /** The message of the refusal. */
  refusal?: string
  /** The message of the refusal when it names what the input asked for (instead of `refusal`). */
  refusalFor?(input: I): string
} & (
  | {
      access: 'staff'
      permission?: Permission
      /** A role named by the input that the caller's role must outrank (`mayManageRole`): e.g. the role of an invitation. */
      manages?(input: I): StaffRole
      /**
       * The levels of org the caller's own org must be at (市/县区/街道/社区): e.g. only a
       * community applies for the evaluation, only a district or the city sends a score back.
       */
      levels?: readonly OrgLevel[]
    }
  | { access: 'resident' }
)

export interface Action<S extends v.GenericSchema = v.GenericSchema, O = unknown> {
  input: S
  access: Access
  /**
   * The permission the staff caller's role must hold (`domain/roles.ts`). Only with
   * `access: 'staff'`. Dispatch checks it once the input is valid, before the handler runs, and
   * refuses with 403 (`refusal` as the message) and an audited 'denied' record.
   */
  permission?: Permission
  /** The message of a refusal for want of `permission`. */
  refusal?: string
  /** Access that depends on the input (see `AccessRule`). */
  rules?: readonly AccessRule<v.InferOutput<S>>[]
  /** Audited actions get an append-only record of every call, whatever its outcome. */
  audit?: AuditKind
  /** The record an audited call acts on, read from its input (e.g. `{ id }` → id). */
  target?(input: v.InferOutput<S>): string | null
  // Method syntax on purpose: it lets a map hold actions of different input types.
  run(input: v.InferOutput<S>, ctx: Ctx): Promise<O>
}

/** A staff-only action as declared: its handler gets a staff caller. */
export interface StaffAction<S extends v.GenericSchema, O> extends Omit<Action<S, O>, 'access' | 'run'> {
  access: 'staff'
  run(input: v.InferOutput<S>, ctx: StaffCtx): Promise<O>
}

/** A resident-only action as declared: its handler gets a resident caller. */
export interface ResidentAction<S extends v.GenericSchema, O> extends Omit<Action<S, O>, 'access' | 'run' | 'permission' | 'refusal'> {
  access: 'resident'
  run(input: v.InferOutput<S>, ctx: ResidentCtx): Promise<O>
}

/** An action open to any signed-in caller: no permission of a staff role applies. */
export interface OpenAction<S extends v.GenericSchema, O> extends Omit<Action<S, O>, 'access' | 'permission' | 'refusal'> {
  access: 'any'
}

/**
 * Declares an action: its input schema (from the contracts), who may call it (`access`, and for
 * staff the `permission` their role needs) and its body. Access is data here, enforced by
 * dispatch before the body runs; the body checks only business rules.
 */
export function defineAction<S extends v.GenericSchema, O>(action: StaffAction<S, O>): Action<S, O>
export function defineAction<S extends v.GenericSchema, O>(action: ResidentAction<S, O>): Action<S, O>
export function defineAction<S extends v.GenericSchema, O>(action: OpenAction<S, O>): Action<S, O>
export function defineAction<S extends v.GenericSchema, O>(action: StaffAction<S, O> | ResidentAction<S, O> | OpenAction<S, O>): Action<S, O> {
  // A staff (resident) action's handler asks for a StaffCtx (ResidentCtx): dispatch refuses
  // every other caller before it runs.
  return action as Action<S, O>
}

/** Staff holding `permission` (else 403 with `refusal`), as data spread into `defineAction`. */
export function staffWith<P extends Permission>(permission: P, refusal: string) {
  return { access: 'staff', permission, refusal } as const
}

/**
 * An audited staff write on the record `input.id` names, as data spread into `defineAction`:
 * staff holding `permission` (else 403 with `refusal`). Scope stays the handler's load.
 */
export function staffWrite<P extends Permission>(permission: P, refusal: string) {
  return { ...staffWith(permission, refusal), audit: 'write', target: (input: { id: string }) => input.id } as const
}

/**
 * An audited staff create-or-edit, as data spread into `defineAction`: staff holding `permission`
 * (else 403 with `refusal`); the record is the one `input.id` names (none yet for a create).
 */
export function staffSave<P extends Permission>(permission: P, refusal: string) {
  return { ...staffWith(permission, refusal), audit: 'write', target: (input: { id?: string }) => input.id ?? null } as const
}

/** A function's actions by name. */
export type ActionMap = Record<string, Action<v.GenericSchema, unknown>>
