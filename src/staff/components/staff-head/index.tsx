import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { AtButton } from 'taro-ui'
import 'taro-ui/lib/style/components/button.scss'

export interface StaffHeadProps {
  /** The page's BEM block: the parts take its element classes, which `cy-staff-head` styles. */
  block: string
  /** The container's class. Default `<block>__head`. */
  className?: string
  title: ReactNode
  /** The line under the title: who is signed in, links. */
  sub: ReactNode
  /** The button at the right (＋ 新建…), or none for a role that cannot use it. */
  action?: { text: string; testId: string; onClick: () => void } | null
}

/** The head of a staff section: what it is and who is signed in, and its 新建 button. */
export default function StaffHead({ block, className, title, sub, action }: StaffHeadProps) {
  return (
    <View className={className ?? `${block}__head`}>
      <View className={`${block}__who`}>
        <Text className={`${block}__title`}>{title}</Text>
        <Text className={`${block}__org`}>{sub}</Text>
      </View>
      {action ? (
        <View className={`${block}__new`} data-testid={action.testId}>
          <AtButton type='primary' size='small' onClick={action.onClick}>
            {action.text}
          </AtButton>
        </View>
      ) : null}
    </View>
  )
}
