import { Text, View } from '@tarojs/components'
import { AtIcon } from 'taro-ui'
import type { HotlineView } from '@shared/contracts/service'
import { useLoad } from '../../hooks/use-load'
import { dial } from '../../services/profile/dial'
import { getHotline } from '../../services/service/home'
import './index.scss'

export interface HotlineCardProps {
  /** Shown instead of loading one (a page that already has it). Default: loads the caller's nearest hotline. */
  hotline?: HotlineView | null
}

/** 服务热线: the nearest office's number (tap to call), hours and address, on every help page. */
export default function HotlineCard({ hotline }: HotlineCardProps) {
  const loaded = useLoad(() => (hotline === undefined ? getHotline() : Promise.resolve(hotline)), [hotline])
  const h = loaded.data
  if (!h) return null
  return (
    <View className='hotline-card' data-testid='hotline-card'>
      <View className='hotline-card__main'>
        <Text className='hotline-card__label'>{h.orgName}创业服务热线</Text>
        <Text className='hotline-card__phone'>{h.phone}</Text>
        <Text className='hotline-card__meta'>
          {h.hours} · {h.address}
        </Text>
      </View>
      <View className='hotline-card__call' onClick={() => dial(h.phone)} data-testid='hotline-call'>
        <AtIcon value='phone' size='18' color='#fff' />
        <Text className='hotline-card__call-text'>拨打</Text>
      </View>
    </View>
  )
}
