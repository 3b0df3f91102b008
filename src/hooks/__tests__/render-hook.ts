/**
 * Runs a hook inside a real React root (react-dom on a jsdom document), the way a page runs it:
 * effects fire, state updates re-render, and `act` flushes them before the test looks.
 */
import * as React from 'react'

type Dom = { window: Window & typeof globalThis }
// jsdom and react-dom ship no types here: type the few members used.
const { JSDOM } = require('jsdom') as { JSDOM: new (html: string) => Dom }
const dom = new JSDOM('<!doctype html><div id="root"></div>')
const g = globalThis as Record<string, unknown>
g.window = dom.window
g.document = dom.window.document
g.navigator = dom.window.navigator
g.IS_REACT_ACT_ENVIRONMENT = true
const { createRoot } = require('react-dom/client') as {
  createRoot: (el: Element) => { render: (node: React.ReactNode) => void; unmount: () => void }
}
const { act } = React as unknown as { act: (fn: () => unknown) => Promise<void> }

export { act }

/** Renders `hook` once; `result.current` is its latest return value. */
export async function renderHook<T>(hook: () => T): Promise<{ result: { current: T }; unmount: () => Promise<void> }> {
  const result = { current: undefined as unknown as T }
  function Probe() {
    result.current = hook()
    return null
  }
  const root = createRoot(dom.window.document.createElement('div'))
  await act(async () => root.render(React.createElement(Probe)))
  return { result, unmount: () => act(async () => root.unmount()) }
}
