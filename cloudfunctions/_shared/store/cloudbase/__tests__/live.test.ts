/**
 * The shared store contract against a real CloudBase environment. Opt-in: it runs only when
 * TCB_ENV_ID, TCB_SECRET_ID and TCB_SECRET_KEY are set, and then works in its own
 * `contract_test_*` collections (created if missing, emptied afterwards), never in the app's.
 * Do not run two live runs against the same environment at once: cleanup empties those
 * collections.
 */
import { init } from '@cloudbase/node-sdk'
import { COLLECTION_NAMES, type Collections } from '../../collections'
import { describeStoreContract } from '../../contract/suite'
import { openCloudbaseStore } from '../adapter'

const PREFIX = 'contract_test_'
const env = process.env.TCB_ENV_ID
const secretId = process.env.TCB_SECRET_ID
const secretKey = process.env.TCB_SECRET_KEY

if (env && secretId && secretKey) {
  describeStoreContract('cloudbase (live)', async () => {
    const db = init({ env, secretId, secretKey, timeout: 20000 }).database()
    // The suite runs 20 contending transactions on one document; give them room to retry.
    const store = openCloudbaseStore<Collections>(db, { collectionPrefix: PREFIX, transactionAttempts: 30 })
    const physical = COLLECTION_NAMES.map((name) => store.physicalName(name))
    for (const name of physical) {
      try {
        await db.createCollection(name)
      } catch (err) {
        // Already there from an earlier run is fine; anything else is not.
        if ((err as { code?: unknown }).code !== 'DATABASE_COLLECTION_ALREADY_EXIST') throw err
      }
    }
    return {
      store,
      cleanup: async () => {
        const _ = db.command
        for (const name of physical) await db.collection(name).where({ _id: _.exists(true) }).remove()
      },
    }
  })
} else {
  it.skip('cloudbase live contract: skipped because TCB_ENV_ID, TCB_SECRET_ID and TCB_SECRET_KEY are not all set', () => {})
}
