import { Text, View } from '@tarojs/components'
import { PRIVACY_ITEMS, PRIVACY_NOTICE_VERSION, PRIVACY_RIGHTS } from '@shared/domain/privacy'
import './index.scss'
import { withCareMode } from '../../../components/care-root'

/** 隐私说明: what the app keeps about a resident, why, and for how long — rendered from the domain. */
function PrivacyPage() {
  return (
    <View className='privacy' data-testid='privacy'>
      <View className='privacy__head'>
        <Text className='privacy__title'>我们保存哪些信息</Text>
        <Text className='privacy__sub'>创业社区只收集帮你创业所必需的信息。版本 {PRIVACY_NOTICE_VERSION}</Text>
      </View>
      {PRIVACY_ITEMS.map((item) => (
        <View className='privacy__card' key={item.collections.join(',')}>
          <Text className='privacy__what'>{item.what}</Text>
          <View className='privacy__row'>
            <Text className='privacy__label'>用途</Text>
            <Text className='privacy__text'>{item.why}</Text>
          </View>
          <View className='privacy__row'>
            <Text className='privacy__label'>保存</Text>
            <Text className='privacy__text'>{item.keep}</Text>
          </View>
        </View>
      ))}
      <View className='privacy__card'>
        <Text className='privacy__what'>你的权利</Text>
        {PRIVACY_RIGHTS.map((r) => (
          <Text className='privacy__right' key={r}>
            · {r}
          </Text>
        ))}
      </View>
    </View>
  )
}

export default withCareMode(PrivacyPage)
