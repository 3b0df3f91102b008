import Module from 'node:module'

/**
 * Loads a built function bundle with Node's own loader, not jest's: the bytes CloudBase's Node
 * runs, without a swc pass over ~0.5 MB of minified code per bundle (≈1.5 s each here). Such a
 * module shares the real `http` (so nock still answers it) but not jest's `process.env` copy: a
 * test that sets environment variables for the bundle loads it with jest's `require` instead.
 */
export function loadBundle<T>(file: string): T {
  const load = (Module as unknown as { _load: (request: string, parent: null, isMain: boolean) => unknown })._load
  return load(file, null, false) as T
}
