import Taro from '@tarojs/taro'
import { routes } from '../../utils/routes'
import PageState from '../page-state'

export interface StaffRequiredProps {
  /** Who the page is for, in one plain sentence. Default none. */
  description?: string
}

/** What a staff page shows when it is opened without a staff sign-in: a way to sign in. */
export default function StaffRequired({ description }: StaffRequiredProps) {
  return (
    <PageState
      kind='empty'
      title='请先登录工作人员账号'
      description={description}
      actionText='去登录'
      onAction={() => void Taro.redirectTo({ url: routes.staffLogin })}
      testId='staff-required'
    />
  )
}
