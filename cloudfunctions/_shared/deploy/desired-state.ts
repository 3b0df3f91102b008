import { COLLECTION_NAMES, clientRule, type ClientRule } from '../store/collections'
import { cloudbaseIndexDefinitions } from '../store/indexes'
import { FUNCTION_DECLARATIONS, type TimerTrigger } from './functions'
import { STORAGE_RULE } from './storage'

/** What a CloudBase environment should hold, derived from the declarations alone. */
export interface DesiredState {
  collections: { name: string; rule: ClientRule; indexes: unknown[] }[]
  functions: { name: string; runtime: string; timeout: number; memorySize: number; triggers: TimerTrigger[]; env: string[]; openapi: string[] }[]
  /** The bucket's client rule (CUSTOM security rule). */
  storage: { rule: { read: string; write: string } }
}

export function desiredState(): DesiredState {
  const indexes = cloudbaseIndexDefinitions()
  return {
    collections: COLLECTION_NAMES.map((name) => ({ name, rule: clientRule(name), indexes: (indexes[name] as unknown[] | undefined) ?? [] })),
    functions: Object.entries(FUNCTION_DECLARATIONS).map(([name, f]) => ({
      name,
      runtime: f.runtime,
      timeout: f.timeout,
      memorySize: f.memorySize,
      triggers: [...f.triggers],
      env: f.env.map((e) => e.name),
      openapi: [...f.openapi],
    })),
    storage: { rule: { ...STORAGE_RULE } },
  }
}

/** A value the CloudBase CLI left unresolved (`{{env.X}}`) or an empty one counts as unset. */
export function isSet(value: string | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '' && !/^\{\{.*\}\}$/.test(value.trim())
}

/** The configuration the deployer's environment lacks: required (stops the set-up) and optional (未配置). */
export function missingConfiguration(env: Record<string, string | undefined>): { required: string[]; optional: { name: string; feature: string; functions: string[] }[] } {
  const required = new Set<string>()
  const optional = new Map<string, { name: string; feature: string; functions: string[] }>()
  for (const [fnName, f] of Object.entries(FUNCTION_DECLARATIONS)) {
    for (const e of f.env) {
      if (isSet(env[e.name])) continue
      if (e.required) required.add(e.name)
      else {
        const entry = optional.get(e.name) ?? { name: e.name, feature: e.feature, functions: [] }
        entry.functions.push(fnName)
        optional.set(e.name, entry)
      }
    }
  }
  return { required: [...required], optional: [...optional.values()] }
}
