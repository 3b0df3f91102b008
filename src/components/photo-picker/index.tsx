import { useState } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { AtIcon } from 'taro-ui'
import { uploadFeedbackPhoto } from '../../services/feedback/feedback-photo'
import { choosePhotos, uploadProblem } from '../../utils/photos'
import PrivacyPrompt from '../privacy-prompt'
import './index.scss'

/** A chosen picture: what the page shows (the local path) and the reference the upload answered. */
export interface PickedPhoto {
  preview: string
  ref: string
}

export interface PhotoPickerProps {
  value: PickedPhoto[]
  onChange: (next: PickedPhoto[]) => void
  max: number
  /** Said on the add tile and in the privacy prompt (`添加照片`). */
  addText?: string
  /** A message from the form (the server's answer on `photos.0` …), shown under the tiles. */
  error?: string
  /** Tells the form an upload is running (its submit waits). */
  onUploading?: (uploading: boolean) => void
  /** `<prefix>-add` on the add tile, `<prefix>` on each picture. */
  testIdPrefix: string
}

/**
 * Pictures for a form, uploaded where feedback photos go (the feedback photo path: H5 posts to the
 * runtime's upload route, WeChat uploads to cloud storage) and checked by the action the same way.
 * `Taro.chooseImage` is the platform's picker: on WeChat `wx.chooseImage`; on H5 Taro's
 * implementation opens a file input (`@tarojs/taro-h5` api/media/image/chooseImage.js → chooseMedia).
 */
export default function PhotoPicker({ value, onChange, max, addText = '添加照片', error, onUploading, testIdPrefix }: PhotoPickerProps) {
  const [uploading, setUploading] = useState(false)
  const [problem, setProblem] = useState('')
  const room = max - value.length
  const add = async () => {
    if (room <= 0 || uploading) return
    const chosen = await choosePhotos(room)
    if (!chosen?.length) return
    setUploading(true)
    onUploading?.(true)
    setProblem('')
    const added: PickedPhoto[] = []
    try {
      for (const path of chosen) added.push({ preview: path, ref: await uploadFeedbackPhoto(path) })
    } catch (e) {
      setProblem(uploadProblem(e))
    } finally {
      if (added.length) onChange([...value, ...added].slice(0, max))
      setUploading(false)
      onUploading?.(false)
    }
  }
  const shown = problem || error
  return (
    <View className='photo-picker'>
      <PrivacyPrompt purpose={addText} />
      <View className='photo-picker__photos'>
        {value.map((p, i) => (
          <View className='photo-picker__photo' key={p.ref} data-testid={testIdPrefix}>
            <Image className='photo-picker__photo-img' src={p.preview} mode='aspectFill' />
            <View className='photo-picker__photo-remove' onClick={() => onChange(value.filter((_, k) => k !== i))} aria-label='移除这张'>
              <AtIcon value='close' size={12} color='#fff' />
            </View>
          </View>
        ))}
        {room > 0 ? (
          <View className='photo-picker__photo photo-picker__photo--add' onClick={() => void add()} data-testid={`${testIdPrefix}-add`}>
            <AtIcon value={uploading ? 'loading-3' : 'camera'} size={24} color='#8f959e' />
            <Text className='photo-picker__photo-note'>{uploading ? '上传中' : addText}</Text>
          </View>
        ) : null}
      </View>
      {shown ? <Text className='photo-picker__error'>{shown}</Text> : null}
    </View>
  )
}
