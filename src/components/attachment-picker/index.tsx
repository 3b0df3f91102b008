import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { AtIcon } from 'taro-ui'
import type { AttachmentView } from '@shared/contracts/file'
import { DOCUMENT_MAX_BYTES, DOCUMENT_TYPES_TEXT, sizeText } from '@shared/domain/attachments'
import { errorMessage } from '../../services/core/cloud'
import { uploadProblem } from '../../utils/photos'
import { openDownload } from '../../services/files/download-link'
import { chooseDocuments, DOCUMENT_PICK_EXTENSIONS, type PickedDocument, uploadDocument } from '../../services/files/document-upload'
import { toastText } from '../../utils/toast'
import PhotoPicker, { type PickedPhoto } from '../photo-picker'
import PrivacyPrompt from '../privacy-prompt'
import './index.scss'

export type { PickedDocument } from '../../services/files/document-upload'

export interface AttachmentPickerProps {
  /** Pictures, as `PhotoPicker` takes them (uploaded through the photo path). */
  photos: PickedPhoto[]
  onPhotos: (next: PickedPhoto[]) => void
  maxPhotos: number
  /** PDF / Word / Excel files (uploaded through the document path). */
  files: PickedDocument[]
  onFiles: (next: PickedDocument[]) => void
  maxFiles: number
  /** The form's errors by field; the picture field's (`photos.0` …) and `files.*` are shown here. */
  errors: Record<string, string | undefined>
  /** The form's name for its pictures: `photos` (简报) or `attachments` (督查 progress). */
  photoField: string
  /** Said on the picture tile (`添加照片`). */
  photoText?: string
  /** Tells the form an upload is running (its submit waits). */
  onUploading?: (uploading: boolean) => void
  /** `<prefix>-photo…` on pictures (or `photoTestId`), `<prefix>-file…` on documents. */
  testIdPrefix: string
  photoTestId?: string
}

const accepted = (name: string) => DOCUMENT_PICK_EXTENSIONS.some((e) => name.toLowerCase().endsWith(`.${e}`))
const firstError = (errors: Record<string, string | undefined>, prefix: string) => Object.entries(errors).find(([k, v]) => v && (k === prefix || k.startsWith(`${prefix}.`)))?.[1]

/**
 * A form's attachments: pictures as before (`PhotoPicker`) and documents — PDF, Word, Excel —
 * as rows (icon, name, size) with an add button. Documents are picked with the platform's file
 * picker (WeChat `wx.chooseMessageFile`, H5 a file input) and uploaded at once; what they are is
 * decided by the server from their bytes, the checks here only save a pointless upload.
 */
export default function AttachmentPicker(props: AttachmentPickerProps) {
  const { photos, onPhotos, maxPhotos, files, onFiles, maxFiles, errors, photoField, photoText, onUploading, testIdPrefix, photoTestId } = props
  const [photoBusy, setPhotoBusy] = useState(false)
  const [fileBusy, setFileBusy] = useState(false)
  const [problem, setProblem] = useState('')
  const room = maxFiles - files.length
  const busy = (p: boolean, f: boolean) => onUploading?.(p || f)
  const add = async () => {
    if (room <= 0 || fileBusy) return
    // Closing the picker answers []; anything thrown is a real failure and is said, never swallowed.
    const chosen = await chooseDocuments(room).catch((e: unknown) => {
      setProblem(errorMessage(e))
      return []
    })
    if (!chosen.length) return
    const refused = chosen.find((c) => !accepted(c.name) || c.size > DOCUMENT_MAX_BYTES)
    if (refused) {
      setProblem(accepted(refused.name) ? `“${refused.name}”超过 ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB` : `“${refused.name}”不是 ${DOCUMENT_TYPES_TEXT} 文件`)
      return
    }
    setFileBusy(true)
    busy(photoBusy, true)
    setProblem('')
    const added: PickedDocument[] = []
    try {
      for (const c of chosen) added.push(await uploadDocument(c))
    } catch (e) {
      setProblem(uploadProblem(e))
    } finally {
      if (added.length) onFiles([...files, ...added].slice(0, maxFiles))
      setFileBusy(false)
      busy(photoBusy, false)
    }
  }
  const fileError = problem || firstError(errors, 'files')
  return (
    <View className='attachment-picker'>
      {/* wx.chooseMessageFile is a private API: this prompt (on top of the picture picker's) asks for consent. */}
      <PrivacyPrompt purpose='添加照片或文件' />
      <PhotoPicker
        value={photos}
        onChange={onPhotos}
        max={maxPhotos}
        addText={photoText}
        error={firstError(errors, photoField)}
        onUploading={(u) => {
          setPhotoBusy(u)
          busy(u, fileBusy)
        }}
        testIdPrefix={photoTestId ?? `${testIdPrefix}-photo`}
      />
      <View className='attachment-picker__files'>
        {files.map((f, i) => (
          <View className='attachment-picker__file' key={f.ref} data-testid={`${testIdPrefix}-file`}>
            <AtIcon value='file-generic' size={20} color='#2861d8' />
            <Text className='attachment-picker__name'>{f.name}</Text>
            <Text className='attachment-picker__size'>{sizeText(f.size)}</Text>
            <View className='attachment-picker__remove' onClick={() => onFiles(files.filter((_, k) => k !== i))} aria-label={`移除 ${f.name}`}>
              <AtIcon value='close' size={14} color='#646a74' />
            </View>
          </View>
        ))}
        {room > 0 ? (
          <View className='attachment-picker__add' onClick={() => void add()} data-testid={`${testIdPrefix}-file-add`}>
            <AtIcon value={fileBusy ? 'loading-3' : 'add'} size={16} color='#2861d8' />
            <Text>{fileBusy ? '上传中' : '添加文件'}</Text>
            <Text className='attachment-picker__hint'>PDF、Word、Excel，每个不超过 {DOCUMENT_MAX_BYTES / 1024 / 1024} MB，最多 {maxFiles} 个</Text>
          </View>
        ) : null}
      </View>
      {fileError ? <Text className='attachment-picker__error'>{fileError}</Text> : null}
    </View>
  )
}

/**
 * The reader's side: one row per document (icon, name, size); tapping opens it — WeChat
 * downloads it and opens it with `wx.openDocument` (pdf, doc(x), xls(x)), the browser downloads it
 * under its name from the local runtime (`openDownload`).
 */
export function AttachmentList({ files, testId }: { files: AttachmentView[]; testId: string }) {
  const [opening, setOpening] = useState<number | null>(null)
  if (!files.length) return null
  const open = async (i: number) => {
    if (opening !== null) return
    setOpening(i)
    try {
      await openDownload(files[i].file)
    } catch (e) {
      toastText(errorMessage(e))
    } finally {
      setOpening(null)
    }
  }
  return (
    <View className='attachment-picker__files' data-testid={testId}>
      {files.map((f, i) => (
        <View className='attachment-picker__file attachment-picker__file--open' key={`${i}-${f.name}`} onClick={() => void open(i)} data-testid={`${testId}-row`}>
          <AtIcon value={opening === i ? 'loading-3' : 'file-generic'} size={20} color='#2861d8' />
          <Text className='attachment-picker__name'>{f.name}</Text>
          <Text className='attachment-picker__size'>{sizeText(f.size)}</Text>
          <Text className='attachment-picker__open'>打开</Text>
        </View>
      ))}
    </View>
  )
}
