import type { ReactElement } from 'react'
import type { Me } from '@shared/contracts/profile'
import PageState from '../../../components/page-state'
import StaffRequired from '../../../components/staff-required'
import type { LoadState } from '../../../hooks/use-load'

export type StaffMember = NonNullable<Me['staff']>

/**
 * The gate every staff page opens with, given who is signed in (`useLoad(getMe)`): a spinner
 * while that loads, the error with a retry when it failed, the way to sign in for a resident.
 * Returns what to show instead of the page (`stop`), or the staff member.
 */
export function staffGate(me: LoadState<Me> & { reload: () => Promise<void> }, description?: string): { stop: ReactElement; staff?: never } | { staff: StaffMember; stop?: never } {
  if (me.status === 'error' && !me.data) {
    return { stop: <PageState kind='error' title='没能确认你的身份' error={me.error} onAction={() => void me.reload()} /> }
  }
  if (!me.data) return { stop: <PageState kind='loading' /> }
  if (me.data.kind !== 'staff' || !me.data.staff) return { stop: <StaffRequired description={description} /> }
  return { staff: me.data.staff }
}
