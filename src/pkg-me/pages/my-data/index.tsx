import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { AtButton } from 'taro-ui'
import { check } from '@shared/contracts/common'
import { DELETE_CONFIRM_WORD, deleteMineInput, type DeleteMineOutput } from '@shared/contracts/profile'
import { shanghaiDate } from '@shared/domain/time'
import FormField from '../../../components/form-field'
import NoticeBanner from '../../../components/notice-banner'
import PrivacyPrompt from '../../../components/privacy-prompt'
import { errorMessage, isApiError } from '../../../services/core/cloud'
import { saveJson } from '../../../services/files/json-file'
import { deleteMyData, exportMyData } from '../../../services/profile/my-data'
import 'taro-ui/lib/style/components/button.scss'
import 'taro-ui/lib/style/components/loading.scss'
import './index.scss'
import { withCareMode } from '../../../components/care-root'

const EXPORT_ITEMS = ['所在社区和所属人群', '创业意向登记和帮扶记录（含你本人的手机号和身份证号）', '活动报名和签到', '发给你的消息（受理、指导、导师等进展通知）和你的消息提醒开关', '你自己的操作记录']

const DELETE_ITEMS = [
  '所在社区、所属人群和全部消息会被删除。',
  '还没举办的活动报名会取消，名额让给候补的人。',
  '创业意向登记里的姓名、电话、身份证号、家庭情况等会被清除；社区登记人数、帮扶和创业人数等统计数字按规定保留，但不再和你有关联。',
  '已经举办的活动只保留不含姓名、电话的人数。',
  '问卷答案本来就匿名保存，不含你的身份；操作记录按规定保存，不会删除。',
]

/** What a deletion did, in plain words (only the parts that applied). */
function doneLines(d: DeleteMineOutput): string[] {
  const removed = [
    d.profileDeleted ? '所在社区和人群设置' : '',
    d.inboxDeleted ? `${d.inboxDeleted} 条消息` : '',
    d.remindersDeleted ? '政策提醒的订阅和发送记录' : '',
    d.signupsDeleted ? `${d.signupsDeleted} 个活动报名` : '',
  ].filter(Boolean)
  const kept = [
    d.intentsAnonymised ? `${d.intentsAnonymised} 条创业意向登记` : '',
    d.signupsAnonymised ? `${d.signupsAnonymised} 个已举办活动的报名` : '',
    d.serviceRecordsAnonymised ? `${d.serviceRecordsAnonymised} 条反馈、培训报名、导师预约或场地申请` : '',
  ].filter(Boolean)
  const lines: string[] = []
  if (removed.length) lines.push(`已删除：${removed.join('、')}。`)
  if (kept.length) lines.push(`${kept.join('和')}已清除姓名、电话等个人信息，只保留不含个人信息的统计数字。`)
  if (!lines.length) lines.push('没有找到需要删除的数据。')
  return lines
}

/** 我的数据: a resident exports everything held about them, or deletes it. */
function MyDataPage() {
  const [busy, setBusy] = useState<'export' | 'delete' | null>(null)
  const [exported, setExported] = useState<string | null>(null)
  const [banner, setBanner] = useState<string | null>(null)
  const [asking, setAsking] = useState(false)
  const [word, setWord] = useState('')
  const [wordError, setWordError] = useState<string | undefined>()
  const [deleted, setDeleted] = useState<DeleteMineOutput | null>(null)

  const doExport = async () => {
    if (busy) return
    setBusy('export')
    setBanner(null)
    try {
      const data = await exportMyData()
      const how = await saveJson(`我的数据-${shanghaiDate(new Date())}.json`, JSON.stringify(data, null, 2))
      const counts = `创业登记 ${data.intents.length} 条、活动报名 ${data.eventSignups.length} 条、消息 ${data.inbox.length} 条和消息提醒开关`
      setExported(how === 'downloaded' ? `已下载文件：${counts}。` : `已复制到剪贴板：${counts}。可以粘贴保存到备忘录或发给自己。`)
    } catch (e) {
      setBanner(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  const doDelete = async () => {
    if (busy) return
    const checked = check(deleteMineInput, { confirm: word })
    if (!checked.ok) {
      setWordError(checked.fields[0]?.message)
      return
    }
    setBusy('delete')
    try {
      setDeleted(await deleteMyData(checked.value.confirm))
      setAsking(false)
      setExported(null)
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
    } catch (e) {
      const field = isApiError(e) ? e.fields.find((f) => f.path === 'confirm') : undefined
      if (field) setWordError(field.message)
      else setBanner(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  if (deleted) {
    return (
      <View className='my-data'>
        <View className='my-data__card my-data__done' data-testid='delete-done'>
          <Text className='my-data__done-title'>你的数据已删除</Text>
          {doneLines(deleted).map((line) => (
            <Text className='my-data__text' key={line}>
              {line}
            </Text>
          ))}
          <Text className='my-data__text'>以后你仍然可以继续使用，需要时重新选择所在社区即可。</Text>
        </View>
      </View>
    )
  }

  return (
    <View className='my-data' data-testid='my-data'>
      <PrivacyPrompt purpose='复制导出的数据' />
      <View className='my-data__head'>
        <Text className='my-data__title'>我的数据</Text>
        <Text className='my-data__sub'>你可以随时把我们保存的关于你的数据导出，或者删除它们。</Text>
      </View>
      {banner ? (
        <View className='my-data__banner'>
          <NoticeBanner tone='danger' text={banner} testId='my-data-error' />
        </View>
      ) : null}

      <View className='my-data__card'>
        <Text className='my-data__card-title'>导出我的数据</Text>
        <Text className='my-data__text'>导出一个文件（JSON 格式），里面有：</Text>
        {EXPORT_ITEMS.map((t) => (
          <Text className='my-data__item' key={t}>
            · {t}
          </Text>
        ))}
        <Text className='my-data__note'>问卷答案匿名保存，不含你的身份，所以不在文件里。文件里有你的身份证号，请妥善保管。</Text>
        {exported ? (
          <Text className='my-data__ok' data-testid='export-result'>
            {exported}
          </Text>
        ) : null}
        <View className='my-data__action' data-testid='export-button'>
          <AtButton type='primary' loading={busy === 'export'} disabled={busy !== null} onClick={() => void doExport()}>
            导出我的数据
          </AtButton>
        </View>
      </View>

      <View className='my-data__card my-data__card--danger'>
        <Text className='my-data__card-title'>删除我的数据</Text>
        {DELETE_ITEMS.map((t) => (
          <Text className='my-data__item' key={t}>
            · {t}
          </Text>
        ))}
        <Text className='my-data__note my-data__note--danger'>删除后不能恢复。建议先导出一份留存。</Text>
        <View className='my-data__action' data-testid='delete-button'>
          <AtButton type='secondary' className='my-data__danger-button' disabled={busy !== null} onClick={() => { setAsking(true); setWord(''); setWordError(undefined) }}>
            删除我的数据
          </AtButton>
        </View>
      </View>

      {asking ? (
        <View className='my-data__mask' data-testid='delete-dialog'>
          <View className='my-data__dialog'>
            <Text className='my-data__dialog-title'>确定删除你的数据吗？</Text>
            <Text className='my-data__text'>{`删除后不能恢复。请在下面输入“${DELETE_CONFIRM_WORD}”两个字确认。`}</Text>
            <FormField label='确认文字' error={wordError} testId='field-confirm'>
              <Input
                className='form-field__input'
                value={word}
                maxlength={10}
                placeholder={`请输入“${DELETE_CONFIRM_WORD}”`}
                onInput={(e) => { setWord(e.detail.value); setWordError(undefined) }}
                nativeProps={{ 'data-testid': 'field-confirm-input', 'aria-label': '确认文字' }}
              />
            </FormField>
            <View className='my-data__dialog-actions'>
              <View className='my-data__dialog-button' data-testid='delete-cancel'>
                <AtButton size='small' disabled={busy !== null} onClick={() => setAsking(false)}>
                  取消
                </AtButton>
              </View>
              <View className='my-data__dialog-button' data-testid='delete-confirm'>
                <AtButton size='small' type='primary' className='my-data__danger-button' loading={busy === 'delete'} disabled={busy !== null} onClick={() => void doDelete()}>
                  确认删除
                </AtButton>
              </View>
            </View>
          </View>
        </View>
      ) : null}
    </View>
  )
}

export default withCareMode(MyDataPage)
