import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import PageState from '../../../components/page-state'
import type { PagedList } from '../../../hooks/use-paged-list'
import { ErrorCodes, isApiError } from '../../../services/core/cloud'
import { forgetMe } from '../../../services/profile/profile'
import { routes } from '../../../utils/routes'

export interface ListStateProps {
  /** The staff list page's list (`usePagedList`). */
  list: Pick<PagedList<unknown>, 'status' | 'error' | 'items' | 'refresh'>
  /** Said under 登录已过期 when the session ran out, e.g. `'请重新登录后再管理政策'`. */
  reloginHint: string
  /** Title when the first page failed. Default `'列表加载失败'`. */
  errorTitle?: string
  /** What an empty list shows: its title, a line under it and the icon (PageState's). */
  empty: { title: string; description?: string; icon?: string }
  /** The rows, shown once the list has some. */
  children: ReactNode
}

/**
 * The states of a staff list page's body before its rows: loading, a session that ran out
 * (重新登录 forgets the cached identity and opens the login page), a failure with 重试, and the
 * empty list. Test ids `list-error` and `list-empty`, as the browser tests look for them.
 */
export default function ListState({ list, reloginHint, errorTitle = '列表加载失败', empty, children }: ListStateProps) {
  if (list.status === 'loading') return <PageState kind='loading' compact />
  if (list.status === 'error' && isApiError(list.error) && list.error.code === ErrorCodes.unauthenticated) {
    const relogin = () => {
      forgetMe()
      void Taro.redirectTo({ url: routes.staffLogin })
    }
    return <PageState kind='error' title='登录已过期' description={reloginHint} actionText='重新登录' onAction={relogin} testId='list-error' compact />
  }
  if (list.status === 'error') return <PageState kind='error' title={errorTitle} error={list.error} onAction={() => void list.refresh()} testId='list-error' compact />
  if (list.items.length === 0) return <PageState kind='empty' compact icon={empty.icon} title={empty.title} description={empty.description} testId='list-empty' />
  return <>{children}</>
}
