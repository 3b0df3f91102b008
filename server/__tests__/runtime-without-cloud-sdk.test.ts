/**
 * The local runtime runs every function's actions without loading `@cloudbase/node-sdk`: the SDK
 * belongs to the CloudBase entries (`cloudfunctions/<fn>/index.ts`) and their adapters only. It
 * took 1–2 s to load in every test file and every `npm start` while the code actions imported it
 * through `_shared/files/mini-codes.ts`.
 */
jest.mock('@cloudbase/node-sdk', () => {
  throw new Error('@cloudbase/node-sdk was loaded by the local runtime')
})

it('loads every function of the local runtime without the CloudBase SDK', async () => {
  const { FUNCTIONS } = await import('../functions')
  expect(Object.keys(FUNCTIONS)).toEqual(expect.arrayContaining(['event', 'share', 'training', 'policy', 'ledger']))
})
