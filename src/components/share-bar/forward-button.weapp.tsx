import { Button, Text } from '@tarojs/components'
import { AtIcon } from 'taro-ui'

export interface ForwardButtonProps {
  /** Unused in WeChat: the page's `onShareAppMessage` supplies the path. */
  path: string
}

/** WeChat: the native 转发 button (opens the chat picker; the page's share hook fills the card). */
export default function ForwardButton(_props: ForwardButtonProps) {
  return (
    <Button className='share-bar__button share-bar__button--native' openType='share' ariaLabel='转发给微信好友或群' data-testid='share-forward'>
      <AtIcon value='share' size={20} color='#2861d8' />
      <Text className='share-bar__label'>转发给好友</Text>
    </Button>
  )
}
