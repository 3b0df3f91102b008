import { View } from '@tarojs/components'
import { AtButton } from 'taro-ui'
import 'taro-ui/lib/style/components/button.scss'
import './index.scss'

export interface FormActionsProps {
  /** Saving in progress: the save button spins and ignores taps. */
  busy: boolean
  onCancel: () => void
  onSave: () => void
  /** `data-testid` of the save button's wrapper. */
  saveTestId: string
  /** The save button's text. Default `'保存'`. */
  saveText?: string
}

/** 取消 / 保存 at the foot of a staff form, right-aligned. */
export default function FormActions({ busy, onCancel, onSave, saveTestId, saveText = '保存' }: FormActionsProps) {
  return (
    <View className='form-actions'>
      <AtButton type='secondary' size='small' onClick={onCancel}>
        取消
      </AtButton>
      <View data-testid={saveTestId}>
        <AtButton type='primary' size='small' loading={busy} onClick={onSave}>
          {saveText}
        </AtButton>
      </View>
    </View>
  )
}
