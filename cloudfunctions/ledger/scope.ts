// The ledger's scope and filters live in `_shared/application/work-queues.ts`, where the
// workbench counts the same lists.
export { caseScope as scopeFilter, ledgerFilters } from '../_shared/application/work-queues'
