import { View, Text } from '@tarojs/components'
import { AtButton } from 'taro-ui'
import 'taro-ui/lib/style/components/button.scss'

// Hello world: one Taro component, one taro-ui component. `data-floor` is what the bench waits for.
export default function Index() {
  return (
    <View className='floor' data-floor='ready'>
      <Text>Hello world</Text>
      <AtButton type='primary'>OK</AtButton>
    </View>
  )
}
