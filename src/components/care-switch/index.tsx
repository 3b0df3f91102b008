import { Text, View } from '@tarojs/components'
import { useCareMode } from '../../hooks/use-care-mode'
import './index.scss'

/** 关怀模式 on/off, in 我的: larger text and buttons, stronger contrast, fewer decorations. */
export default function CareSwitch() {
  const care = useCareMode()
  const toggle = () => care.set(!care.on)
  return (
    <View
      className='care-switch'
      role='switch'
      aria-checked={care.on}
      onClick={toggle}
      data-testid='care-switch'
      data-on={care.on ? 'true' : 'false'}
    >
      <View className='care-switch__main'>
        <Text className='care-switch__title'>关怀模式</Text>
        <Text className='care-switch__note'>字更大、按钮更大、颜色更清楚，适合长辈使用</Text>
      </View>
      <View className={`care-switch__track${care.on ? ' care-switch__track--on' : ''}`}>
        <Text className='care-switch__state'>{care.on ? '开' : '关'}</Text>
        <View className='care-switch__knob' />
      </View>
    </View>
  )
}
